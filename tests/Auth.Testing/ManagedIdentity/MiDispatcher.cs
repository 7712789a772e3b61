using Auth.Testing.Http;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Auth.Testing.ManagedIdentity;

/// <summary>
/// Registers one catch-all callback that records each request, waits the scripted delay, serves a scripted failure
/// if one is queued (never to an Arc request without <c>Authorization</c>, which gets the challenge), checks the
/// request against the source's rules, runs Arc's key-file challenge, then issues the token.
/// </summary>
internal sealed class MiDispatcher
{
    private readonly ManagedIdentityServices _services;
    private readonly CancellationToken _stopping;

    public MiDispatcher(ManagedIdentityServices services, CancellationToken stopping)
    {
        _services = services;
        _stopping = stopping;
    }

    public void MapOnto(WireMockServer server)
    {
        server
            .Given(Request.Create().WithPath(_ => true).UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(async request => (await HandleAsync(request).ConfigureAwait(false)).ToResponseMessage()));
    }

    private async Task<HttpReply> HandleAsync(IRequestMessage message)
    {
        var services = _services;
        var call = MiCall.From(message, services.TimeProvider.GetUtcNow());
        services.Log.Record(call.Request);
        var shape = services.Rules.ErrorShape;
        var delay = services.Delay.Value;
        if (delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, TimeProvider.System, _stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return MiErrors.Write(shape, 503, "service_unavailable", "The endpoint is stopping.");
            }
        }

        var challengeLeg = services.ArcKeys is not null && call.Header("Authorization") is null;
        if (!challengeLeg && services.Failures.TryTake(out var failure))
        {
            return failure.Render(shape);
        }

        var decision = services.Validator.Validate(call);
        if (!decision.Accepted)
        {
            return decision.Refusal;
        }

        if (services.ArcKeys is { } keys && !keys.TryRedeem(call.Header("Authorization")))
        {
            return keys.Challenge(shape);
        }

        services.Log.CountToken();
        return services.Tokens.Issue(decision.Identity, decision.Resource, services.TimeProvider.GetUtcNow());
    }
}
