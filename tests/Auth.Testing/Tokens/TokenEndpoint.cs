using Auth.Testing.Errors;
using Auth.Testing.Faults;
using Auth.Testing.Grants;
using Auth.Testing.Http;

namespace Auth.Testing.Tokens;

/// <summary>
/// The token endpoint of every authority kind (<c>POST …/oauth2/v2.0/token</c>, AD FS <c>/adfs/oauth2/token</c>): records the request
/// and counts it in flight per tenant, serves a scripted answer if one is queued, else an injected fault if the plan draws one,
/// otherwise routes by <c>grant_type</c> to the matching <see cref="ITokenGrant"/>.
/// </summary>
internal sealed class TokenEndpoint
{
    private readonly Dictionary<string, ITokenGrant> _grants;
    private readonly ScriptedResponses _scripted;
    private readonly RequestLog _log;
    private readonly ErrorReplyWriter _errors;
    private readonly TimeProvider _timeProvider;

    public TokenEndpoint(IEnumerable<ITokenGrant> grants, ScriptedResponses scripted, RequestLog log, ErrorReplyWriter errors, TimeProvider timeProvider)
    {
        var all = grants.ToArray();
        _grants = all
            .SelectMany(grant => grant.Aliases.Prepend(grant.GrantType).Select(name => KeyValuePair.Create(name, grant)))
            .ToDictionary(StringComparer.Ordinal);
        GrantTypes = all.Select(grant => grant.GrantType).ToArray();
        _scripted = scripted;
        _log = log;
        _errors = errors;
        _timeProvider = timeProvider;
    }

    /// <summary>The grant types served, as advertised in discovery (aliases left out).</summary>
    public IReadOnlyCollection<string> GrantTypes { get; }

    /// <summary>The random faults mixed into answers (none until a plan is set).</summary>
    public FaultInjector Faults { get; } = new();

    /// <summary>Token requests being handled at once, per tenant.</summary>
    public InFlightGauge InFlight { get; } = new();

    public async Task<HttpReply> HandleAsync(TokenEndpointRequest incoming, CancellationToken stopping)
    {
        string? duplicate = null;
        var form = FormBody.IsFormContentType(incoming.ContentType)
            ? FormBody.Parse(incoming.Body, out duplicate)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        var grantType = form.GetValueOrDefault("grant_type", string.Empty);
        var headers = incoming.Headers;
        var profile = incoming.Profile;
        using var inFlight = InFlight.Enter(profile.Tenant);
        headers.TryGetValue("client-request-id", out var clientRequestId);
        _log.RecordToken(new FakeTokenRequest(profile.Tenant, grantType, form, headers, _timeProvider.GetUtcNow())
        {
            Host = profile.HostAndPort,
            Path = incoming.Path,
            Query = incoming.Query,
        });

        if (_scripted.TryDequeue(out var scripted))
        {
            if (scripted.Delay > TimeSpan.Zero)
            {
                await Task.Delay(scripted.Delay, TimeProvider.System, stopping).ConfigureAwait(false);
            }

            if (scripted.StatusCode is not null)
            {
                return ScriptedResponses.Render(scripted, _errors, clientRequestId);
            }
        }
        else if (Faults.Next(grantType) is { Fault: not FakeFault.None } injected)
        {
            if (injected.Fault != FakeFault.Slow)
            {
                return FaultInjector.Render(injected.Fault, injected.Delay, _errors, clientRequestId);
            }

            await Task.Delay(injected.Delay, TimeProvider.System, stopping).ConfigureAwait(false);
        }

        var request = new TokenRequestContext(profile, incoming.EndpointUrl, form, headers, _timeProvider.GetUtcNow());
        var error = Validate(grantType, duplicate, out var grant);
        var result = grant?.Handle(request) ?? GrantResult.Failure(error!);
        if (result.Reply is not null)
        {
            return result.Reply;
        }

        var reply = _errors.Write(result.Error!, clientRequestId);
        if (reply.StatusCode == 401 && request.Header("Authorization")?.StartsWith("Basic", StringComparison.OrdinalIgnoreCase) == true)
        {
            reply.WithHeader("WWW-Authenticate", $"Basic realm=\"{profile.HostAndPort}\"");
        }

        return reply;
    }

    private AadError? Validate(string grantType, string? duplicate, out ITokenGrant? grant)
    {
        grant = null;
        if (duplicate is not null)
        {
            return AadErrors.MalformedRequest($"The parameter '{duplicate}' was included more than once.");
        }

        if (grantType.Length == 0)
        {
            return AadErrors.MissingParameter("grant_type");
        }

        return _grants.TryGetValue(grantType, out grant) ? null : AadErrors.UnsupportedGrantType(grantType);
    }
}
