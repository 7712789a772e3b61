using Auth.Testing.Errors;
using Auth.Testing.Http;
using Auth.Testing.Tokens;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Auth.Testing.Endpoints;

/// <summary>Registers the authority's endpoints on the WireMock server as callback mappings.</summary>
internal sealed class EndpointMappings
{
    private const string V2Discovery = "/v2.0/.well-known/openid-configuration";
    private const string Discovery = "/.well-known/openid-configuration";
    private const string Keys = "/discovery/v2.0/keys";
    private const string Instance = "/discovery/instance";
    private const string Token = "/oauth2/v2.0/token";
    private const string Authorize = "/oauth2/v2.0/authorize";
    private const string DeviceCode = "/oauth2/v2.0/devicecode";

    private readonly AuthorityServices _services;
    private readonly CancellationToken _stopping;

    public EndpointMappings(AuthorityServices services, CancellationToken stopping)
    {
        _services = services;
        _stopping = stopping;
    }

    public void MapOnto(WireMockServer server)
    {
        Get(server, path => TenantPath.Matches(path, V2Discovery) || TenantPath.Matches(path, Discovery), OpenIdConfiguration);
        Get(server, path => TenantPath.Matches(path, Keys), _ => HttpReply.Json(200, _services.SigningKey.JwksJson));
        Get(server, path => TenantPath.Matches(path, Instance), request =>
            _services.InstanceDiscovery.Handle(RequestHeaders.Query(request, "authorization_endpoint"), ClientRequestId(request)));

        Get(server, UserRealm.Matches, request => UserRealm.For(request.Path));
        Get(server, path => TenantPath.Matches(path, Authorize), request =>
            _services.Authorize.Handle(Tenant(request, Authorize), request.RawQuery));

        server
            .Given(Request.Create().WithPath(path => TenantPath.Matches(path, Token)).UsingPost())
            .RespondWith(Response.Create().WithCallback(async request => await TokenAsync(request).ConfigureAwait(false)));
        server
            .Given(Request.Create().WithPath(path => TenantPath.Matches(path, DeviceCode)).UsingPost())
            .RespondWith(Response.Create().WithCallback(request => DeviceAuthorization(request).ToResponseMessage()));
    }

    private static void Get(WireMockServer server, Func<string, bool> path, Func<IRequestMessage, HttpReply> handle)
    {
        server
            .Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithCallback(request => handle(request).ToResponseMessage()));
    }

    private static string? ClientRequestId(IRequestMessage request) =>
        RequestHeaders.From(request).TryGetValue("client-request-id", out var id) ? id : null;

    private string Tenant(IRequestMessage request, string suffix) =>
        TenantPath.TryGetTenant(request.Path, suffix, out var tenant) ? tenant : _services.Urls.TenantId;

    private HttpReply DeviceAuthorization(IRequestMessage request)
    {
        var headers = RequestHeaders.From(request);
        headers.TryGetValue("Content-Type", out var contentType);
        return _services.DeviceAuthorization.Handle(Tenant(request, DeviceCode), contentType, request.Body, headers, _services.TimeProvider.GetUtcNow());
    }

    private HttpReply OpenIdConfiguration(IRequestMessage request)
    {
        _services.Log.RecordDiscovery();
        var tenant = TenantPath.TryGetTenant(request.Path, V2Discovery, out var v2Tenant)
            ? v2Tenant
            : TenantPath.TryGetTenant(request.Path, Discovery, out var v1Tenant) ? v1Tenant : _services.Urls.TenantId;
        return _services.Discovery.For(tenant);
    }

    private async Task<IResponseMessage> TokenAsync(IRequestMessage request)
    {
        var headers = RequestHeaders.From(request);
        try
        {
            headers.TryGetValue("Content-Type", out var contentType);
            var reply = await _services.TokenEndpoint
                .HandleAsync(Tenant(request, Token), contentType, request.Body, headers, _stopping)
                .ConfigureAwait(false);
            return reply.ToResponseMessage();
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            headers.TryGetValue("client-request-id", out var id);
            return _services.Errors.Write(AadErrors.ServiceUnavailable(), id).ToResponseMessage();
        }
    }
}
