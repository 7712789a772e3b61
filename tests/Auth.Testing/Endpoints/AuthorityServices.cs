using Auth.Testing.Clients;
using Auth.Testing.Errors;
using Auth.Testing.Grants;
using Auth.Testing.Jwt;
using Auth.Testing.Tokens;

namespace Auth.Testing.Endpoints;

/// <summary>The composition root: the state and endpoint logic of one fake authority.</summary>
internal sealed class AuthorityServices : IDisposable
{
    public AuthorityServices(AuthorityUrls urls, TimeProvider timeProvider, int maxCapturedRequests)
    {
        Urls = urls;
        TimeProvider = timeProvider;
        Log = new RequestLog(maxCapturedRequests);
        SigningKey = new SigningKey();
        Errors = new ErrorReplyWriter(timeProvider, urls.BaseUri);

        var issuer = new AccessTokenIssuer(new JwtWriter(SigningKey), urls, Lifetime);
        var authenticator = new ClientAuthenticator(Clients);
        ITokenGrant[] grants = [new ClientCredentialsGrant(authenticator, issuer)];

        TokenEndpoint = new TokenEndpoint(urls, grants, Scripted, Log, Errors, timeProvider);
        Discovery = new DiscoveryDocument(urls, TokenEndpoint.GrantTypes);
        InstanceDiscovery = new InstanceDiscovery(urls, Errors);
    }

    public AuthorityUrls Urls { get; }

    public TimeProvider TimeProvider { get; }

    public ClientRegistry Clients { get; } = new();

    public RequestLog Log { get; }

    public ScriptedResponses Scripted { get; } = new();

    public TokenLifetime Lifetime { get; } = new();

    public SigningKey SigningKey { get; }

    public ErrorReplyWriter Errors { get; }

    public TokenEndpoint TokenEndpoint { get; }

    public DiscoveryDocument Discovery { get; }

    public InstanceDiscovery InstanceDiscovery { get; }

    public void Dispose()
    {
        SigningKey.Dispose();
        Clients.Dispose();
    }
}
