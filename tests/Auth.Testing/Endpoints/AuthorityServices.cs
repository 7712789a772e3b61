using Auth.Testing.Authorization;
using Auth.Testing.B2C;
using Auth.Testing.Clients;
using Auth.Testing.DeviceCodes;
using Auth.Testing.Errors;
using Auth.Testing.Grants;
using Auth.Testing.Hosting;
using Auth.Testing.Jwt;
using Auth.Testing.Settings;
using Auth.Testing.Spa;
using Auth.Testing.Tokens;
using Auth.Testing.Users;

namespace Auth.Testing.Endpoints;

/// <summary>The composition root: the state and endpoint logic of one fake authority.</summary>
internal sealed class AuthorityServices : IDisposable
{
    public AuthorityServices(AuthorityUrls urls, VirtualHosts hosts, TimeProvider timeProvider, int maxCapturedRequests, ScopeGrantPolicy scopePolicy)
    {
        Urls = urls;
        Hosts = hosts;
        TimeProvider = timeProvider;
        Log = new RequestLog(maxCapturedRequests);
        SigningKey = new SigningKey();
        Errors = new ErrorReplyWriter(timeProvider, urls.BaseUri);
        Users = new UserDirectory(urls.TenantId);

        var jwt = new JwtWriter(SigningKey);
        var authenticator = new ClientAuthenticator(Clients);
        var userClients = new UserGrantClientAuthenticator(Clients, authenticator);
        var adfs = new AdfsTokenIssuer(jwt, Lifetime);
        var accessTokens = new AccessTokenIssuer(jwt, Lifetime, adfs);
        var minter = new UserTokenMinter(accessTokens, new IdTokenIssuer(jwt, adfs), RefreshTokens, urls, scopePolicy);
        ITokenGrant[] grants =
        [
            new ClientCredentialsGrant(authenticator, accessTokens),
            new AuthorizationCodeGrant(userClients, Codes, new SpaCodes(Clients), minter, scopePolicy),
            new RefreshTokenGrant(userClients, RefreshTokens, minter, scopePolicy),
            new PasswordGrant(userClients, Users, minter, scopePolicy),
            new DeviceCodeGrant(userClients, DeviceCodes, minter, scopePolicy),
            new OnBehalfOfGrant(userClients, new UserAssertionValidator(SigningKey, new OwnIssuers(urls, hosts), Users), minter),
        ];

        TokenEndpoint = new TokenEndpoint(grants, Scripted, Log, Errors, timeProvider);
        Discovery = new DiscoveryDocument(TokenEndpoint.GrantTypes);
        InstanceDiscovery = new InstanceDiscovery(urls, Errors);
        var responses = new AuthorizationResponseWriter(Errors);
        var completion = new SignInCompletion(Codes, timeProvider, scopePolicy);
        Authorize = new AuthorizeEndpoint(new AuthorizeRequestValidator(Clients), Users, responses, completion, new B2CUserFlow(Users, responses, completion, new B2CSessions(), timeProvider), Log);
        DeviceAuthorization = new DeviceAuthorizationEndpoint(Clients, DeviceCodes, DeviceCodeSettings, Users, Errors);
        DeviceLogin = new DeviceLoginEndpoint(DeviceCodes, Users, timeProvider);
        InboundUserTokens = new InboundUserTokenIssuer(accessTokens, urls, timeProvider);
        Cors = new TokenEndpointCors(Clients);
    }

    public AuthorityUrls Urls { get; }

    /// <summary>Gets whether URLs and issuers spell the default port out (<see cref="FakeAuthorityOptions.SpellDefaultPort"/>).</summary>
    public bool SpellDefaultPort { get; init; }

    /// <summary>Gets whether discovery advertises, and authorization responses carry, <c>iss</c> (<see cref="FakeAuthorityOptions.AuthorizationResponseIssuer"/>).</summary>
    public bool AuthorizationResponseIssuer { get; init; }

    /// <summary>The host names the HTTP handlers route to this server.</summary>
    public VirtualHosts Hosts { get; }

    /// <summary>Requests to regional hosts: their count and failure mode.</summary>
    public RegionalTraffic Regional { get; } = new();

    public TimeProvider TimeProvider { get; }

    public ClientRegistry Clients { get; } = new();

    public UserDirectory Users { get; }

    public RequestLog Log { get; }

    public ScriptedResponses Scripted { get; } = new();

    /// <summary>The access token lifetime (default 1 hour, at least 1 second).</summary>
    public DurationSetting Lifetime { get; } = new(TimeSpan.FromHours(1), TimeSpan.FromSeconds(1));

    public SigningKey SigningKey { get; }

    public ErrorReplyWriter Errors { get; }

    public AuthorizationCodeStore Codes { get; } = new();

    public RefreshTokenStore RefreshTokens { get; } = new();

    public DeviceCodeStore DeviceCodes { get; } = new();

    public DeviceCodeSettings DeviceCodeSettings { get; } = new();

    public TokenEndpoint TokenEndpoint { get; }

    /// <summary>CORS for the token endpoint, for the origins of registered SPA redirect URIs.</summary>
    public TokenEndpointCors Cors { get; }

    public DiscoveryDocument Discovery { get; }

    public InstanceDiscovery InstanceDiscovery { get; }

    public AuthorizeEndpoint Authorize { get; }

    /// <summary>The B2C tenants whose policies the authority knows (<see cref="FakeAuthority.AddB2C"/>).</summary>
    public B2CTenants B2C { get; } = new();

    public DeviceAuthorizationEndpoint DeviceAuthorization { get; }

    public DeviceLoginEndpoint DeviceLogin { get; }

    /// <summary>Mints the user access tokens a web API receives, without HTTP (for On-Behalf-Of tests).</summary>
    public InboundUserTokenIssuer InboundUserTokens { get; }

    public void Dispose()
    {
        SigningKey.Dispose();
        Clients.Dispose();
    }
}
