using Auth.Testing.Authorization;
using Auth.Testing.B2C;
using Auth.Testing.Errors;
using Auth.Testing.Http;
using Auth.Testing.Tokens;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Auth.Testing.Endpoints;

/// <summary>
/// Registers one catch-all callback on the WireMock server that resolves each request's origin (Host header),
/// applies the regional failure mode, resolves the path to an endpoint of an authority kind (<see cref="RoutePath"/>)
/// and hands it to that endpoint with the request's <see cref="AuthorityProfile"/>; the token endpoint answers SPA origins' CORS.
/// </summary>
internal sealed class EndpointMappings
{
    private readonly AuthorityServices _services;
    private readonly CancellationToken _stopping;

    public EndpointMappings(AuthorityServices services, CancellationToken stopping)
    {
        _services = services;
        _stopping = stopping;
    }

    public void MapOnto(WireMockServer server)
    {
        server
            .Given(Request.Create().WithPath(_ => true).UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(async request => await DispatchAsync(request).ConfigureAwait(false)));
    }

    private async Task<IResponseMessage> DispatchAsync(IRequestMessage request)
    {
        var headers = RequestHeaders.From(request);
        headers.TryGetValue("client-request-id", out var clientRequestId);
        headers.TryGetValue("Host", out var hostHeader);
        var origin = RequestOrigin.From(_services.Urls.BaseUri, hostHeader, _services.SpellDefaultPort);
        if (_services.Regional.Admit(origin.Host) is { } regionalError)
        {
            return _services.Errors.Write(regionalError, clientRequestId).ToResponseMessage();
        }

        var route = RoutePath.Resolve(request.Path, origin.Host);
        if (route is null)
        {
            return HttpReply.Json(404, "{\"Status\":\"No matching mapping found\"}").ToResponseMessage();
        }

        if (route.Endpoint == RouteEndpoint.Token && string.Equals(request.Method, "OPTIONS", StringComparison.OrdinalIgnoreCase))
        {
            return _services.Cors.Preflight(headers).ToResponseMessage();
        }

        if (!route.Allows(request.Method))
        {
            return HttpReply.Json(405, "{\"Status\":\"Method not allowed\"}").WithHeader("Allow", route.Allow).ToResponseMessage();
        }

        var b2c = route.Kind == AuthorityKind.B2C ? _services.B2C.Find(route.Tenant) : null;
        var b2cKind = b2c?.KindOf(route.Policy!);
        if (b2c is not null && b2cKind is null)
        {
            return B2CErrors.UnknownPolicy(route.Policy!, b2c.Domain, _services.TimeProvider.GetUtcNow()).ToResponseMessage();
        }

        var profile = new AuthorityProfile(route.Kind, origin.Origin, route.Tenant, route.Policy, _services.Urls.TenantId);
        var endpointUrl = origin.Origin + request.Path.TrimEnd('/');
        var reply = route.Endpoint switch
        {
            RouteEndpoint.OpenIdConfiguration => Discovery(profile),
            RouteEndpoint.Keys => HttpReply.Json(200, _services.SigningKey.JwksJson),
            RouteEndpoint.InstanceDiscovery => InstanceDiscovery(request, clientRequestId),
            RouteEndpoint.UserRealm => UserRealm.For(request.Path),
            RouteEndpoint.Authorize => Authorize(profile, request, headers, b2c is null ? null : new B2CPolicyCall(b2c, b2cKind!.Value, headers.GetValueOrDefault("Cookie"), origin.Origin.StartsWith("https:", StringComparison.Ordinal))),
            RouteEndpoint.DeviceCode => DeviceAuthorization(profile, request, headers),
            RouteEndpoint.DeviceLogin => _services.DeviceLogin.Handle(request.Method, request.RawQuery, headers.GetValueOrDefault("Content-Type"), request.Body),
            _ => _services.Cors.Apply(await TokenAsync(profile, endpointUrl, request, headers, clientRequestId).ConfigureAwait(false), headers),
        };
        return reply.ToResponseMessage();
    }

    private HttpReply Discovery(AuthorityProfile profile)
    {
        _services.Log.RecordDiscovery();
        return _services.Discovery.For(profile, _services.AuthorizationResponseIssuer);
    }

    private HttpReply Authorize(AuthorityProfile profile, IRequestMessage request, IReadOnlyDictionary<string, string> headers, B2CPolicyCall? b2c)
    {
        headers.TryGetValue("Accept", out var accept);
        headers.TryGetValue("Content-Type", out var contentType);
        var responseIssuer = _services.AuthorizationResponseIssuer ? profile.DocumentIssuer : null;
        return _services.Authorize.Handle(new AuthorizeCall(profile.Tenant, request.Method, request.RawQuery, accept, contentType, request.Body, responseIssuer, b2c));
    }

    private HttpReply InstanceDiscovery(IRequestMessage request, string? clientRequestId)
    {
        _services.Log.RecordInstanceDiscovery();
        return _services.InstanceDiscovery.Handle(RequestHeaders.Query(request, "authorization_endpoint"), clientRequestId);
    }

    private HttpReply DeviceAuthorization(AuthorityProfile profile, IRequestMessage request, IReadOnlyDictionary<string, string> headers)
    {
        headers.TryGetValue("Content-Type", out var contentType);
        return _services.DeviceAuthorization.Handle(profile, contentType, request.Body, headers, _services.TimeProvider.GetUtcNow());
    }

    private async Task<HttpReply> TokenAsync(
        AuthorityProfile profile,
        string endpointUrl,
        IRequestMessage request,
        IReadOnlyDictionary<string, string> headers,
        string? clientRequestId)
    {
        try
        {
            headers.TryGetValue("Content-Type", out var contentType);
            return await _services.TokenEndpoint
                .HandleAsync(new TokenEndpointRequest(profile, endpointUrl, request.Path, contentType, request.Body, headers) { Query = QueryOf(request) }, _stopping)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return _services.Errors.Write(AadErrors.ServiceUnavailable(), clientRequestId);
        }
    }

    /// <summary>The request's query parameters, each name once (repeated values joined by a comma).</summary>
    private static Dictionary<string, string> QueryOf(IRequestMessage request) =>
        (request.Query ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
            .ToDictionary(static p => p.Key, static p => string.Join(',', p.Value), StringComparer.Ordinal);
}
