using System.Text;
using System.Web;
using Auth.Common.Errors;
using Auth.Common.ManagedIdentity;
using Auth.Common.Responses;
using Auth.IntegrationTests.Testing;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Auth.IntegrationTests.Logging;

/// <summary>
/// One cell of the secrets matrix: a fake authority, apps that log at Trace into a capturing provider (PII on or off),
/// and everything the app showed (results, exceptions, requests' <c>ToString()</c>) and every secret in play.
/// </summary>
internal sealed class SecretsWorld : IAsyncDisposable
{
    public const string ConfidentialId = "secrets-confidential";
    public const string PublicId = "secrets-public";
    public const string Secret = "cl1ent-s3cret-that-must-never-be-logged";
    public static readonly string[] UserScopes = ["api://orders/read"];
    public static readonly Uri Redirect = new("http://127.0.0.1:8400/");

    private readonly List<(string Surface, string Text)> _surfaces = [];
    private readonly List<(SecretKind Kind, string Value)> _known = [];
    private readonly List<ClientApplication> _apps = [];
    private readonly ILoggerFactory _loggers;
    private readonly bool _pii;

    public SecretsWorld(bool pii)
    {
        _pii = pii;
        Clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        Authority = FakeAuthority.Start(new FakeAuthorityOptions { TimeProvider = Clock });
        Authority.RegisterClient(ConfidentialId, Secret);
        Authority.RegisterClient(ConfidentialId, TestCertificates.Client);
        Authority.RegisterSpaRedirectUri(ConfidentialId, "http://127.0.0.1:8401/");
        Authority.RegisterPublicClient(PublicId);
        Authority.DeviceCodePollInterval = TimeSpan.FromSeconds(1);
        _loggers = LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
    }

    public FakeAuthority Authority { get; }

    /// <summary>Gets the authority's clock, which the apps share unless told to use the real one.</summary>
    public FakeTimeProvider Clock { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public PublicClientApplication PublicApp(bool realClock = false) => Track(new PublicClientApplication(new PublicClientOptions
    {
        ClientId = PublicId,
        Authority = Authority.Authority,
        LoggerFactory = _loggers,
        EnablePiiLogging = _pii,
        TimeProvider = realClock ? null : Clock,
        RetryDelay = TimeSpan.Zero,
        NetworkClient = Network(),
    }));

    public ConfidentialClientApplication ConfidentialApp(ClientCredential credential, string clientId = ConfidentialId) => Track(new ConfidentialClientApplication(new ConfidentialClientOptions
    {
        ClientId = clientId,
        Authority = Authority.Authority,
        ClientCredential = credential,
        LoggerFactory = _loggers,
        EnablePiiLogging = _pii,
        TimeProvider = Clock,
        RetryDelay = TimeSpan.Zero,
        NetworkClient = Network(),
    }));

    /// <summary>A managed identity app on <paramref name="platform"/> that logs at Trace into the world's provider and retries at once.</summary>
    public ManagedIdentityApplication ManagedIdentityApp(IManagedIdentityPlatform platform, ManagedIdentityId? identity = null) => new(new ManagedIdentityOptions
    {
        Identity = identity ?? ManagedIdentityId.SystemAssigned,
        Platform = platform,
        LoggerFactory = _loggers,
        TimeProvider = Clock,
        RetryDelay = TimeSpan.Zero,
        NetworkClient = new HttpClientNetworkClient(new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }), new HttpClientNetworkClientOptions()),
    });

    /// <summary>Remembers a secret the scenario made or used, besides those harvested from the wire and the cache.</summary>
    public void Known(SecretKind kind, string value) => _known.Add((kind, value));

    /// <summary>Records what the app shows of an object: its <c>ToString()</c>.</summary>
    public void Show(string what, object? value)
    {
        if (value is not null)
        {
            _surfaces.Add(($"{what}.ToString()", value.ToString() ?? string.Empty));
        }
    }

    public async Task<AuthenticationResult> SucceedAsync(object request, Func<Task<AuthenticationResult>> call)
    {
        Show(request.GetType().Name, request);
        var result = await call();
        Show(nameof(AuthenticationResult), result);
        Show(nameof(AccountInfo), result.Account);
        Known(SecretKind.AccessToken, result.AccessToken);
        if (result.IdToken is { } idToken)
        {
            Known(SecretKind.IdToken, idToken);
        }

        if (result.SpaAuthCode is { } spaCode)
        {
            Known(SecretKind.SpaCode, spaCode);
        }

        if (result.RefreshToken is { } refreshToken)
        {
            Known(SecretKind.RefreshToken, refreshToken);
        }

        return result;
    }

    public async Task<AuthException> FailAsync(object request, Func<Task<AuthenticationResult>> call)
    {
        Show(request.GetType().Name, request);
        var error = (await FluentActions.Awaiting(call).Should().ThrowAsync<AuthException>("this is the failure path")).Which;
        _surfaces.Add(("exception message", error.Message));
        _surfaces.Add(("exception ToString()", error.ToString()));
        return error;
    }

    /// <summary>Runs the call on the failure path (<paramref name="fail"/>) or the success path.</summary>
    public Task OutcomeAsync(object request, bool fail, Func<Task<AuthenticationResult>> call) =>
        fail ? FailAsync(request, call) : SucceedAsync(request, call);

    /// <summary>Plays the browser: the authority signs the default user in and redirects; returns the redirect.</summary>
    public async Task<Uri> AuthorizeAsync(Uri url)
    {
        using var browser = Authority.CreateHttpClient();
        using var response = await browser.GetAsync(url);
        var redirect = response.Headers.Location ?? throw new AssertionException($"authorize answered {(int)response.StatusCode} without a redirect");
        if (HttpUtility.ParseQueryString(redirect.Query)["code"] is { } code)
        {
            Known(SecretKind.AuthCode, code);
        }

        return redirect;
    }

    /// <summary>Every secret in play: what the scenario knew, what went over the wire, what the caches hold.</summary>
    public IReadOnlyList<(SecretKind Kind, string Value)> Secrets()
    {
        var secrets = new List<(SecretKind Kind, string Value)>(_known);
        foreach (var request in Authority.TokenRequests)
        {
            foreach (var (field, value) in request.Form)
            {
                if (KindOf(field) is { } kind && value.Length > 0)
                {
                    secrets.Add((kind, value));
                }
            }

            if (request.Headers.TryGetValue("Authorization", out var basic) && basic.StartsWith("Basic ", StringComparison.Ordinal))
            {
                secrets.Add((SecretKind.ClientSecret, Uri.UnescapeDataString(Encoding.UTF8.GetString(Convert.FromBase64String(basic[6..])).Split(':', 2)[1])));
            }
        }

        foreach (var blob in _apps.Select(a => CacheBlob.Parse(a.GetTokenCache().Serialize())))
        {
            secrets.AddRange(blob.AccessTokens.Select(t => (SecretKind.AccessToken, t.Secret)));
            secrets.AddRange(blob.RefreshTokens.Select(t => (SecretKind.RefreshToken, t.Secret)));
            secrets.AddRange(blob.IdTokens.Select(t => (SecretKind.IdToken, t.Secret)));
        }

        return secrets.Distinct().ToList();
    }

    /// <summary>Every place the app showed something: log lines (message, exception, properties, scopes), exceptions, ToString()s.</summary>
    public IReadOnlyList<(string Surface, string Text)> Surfaces() =>
        [.. Logs.Lines.Select(line => ("log", line)), .. _surfaces];

    public async ValueTask DisposeAsync()
    {
        _loggers.Dispose();
        await Authority.DisposeAsync();
    }

    private static SecretKind? KindOf(string formField) => formField switch
    {
        "client_secret" => SecretKind.ClientSecret,
        "client_assertion" => SecretKind.ClientAssertion,
        "code" => SecretKind.AuthCode,
        "code_verifier" => SecretKind.CodeVerifier,
        "refresh_token" => SecretKind.RefreshToken,
        "password" => SecretKind.Password,
        "assertion" => SecretKind.OboAssertion,
        "device_code" => SecretKind.DeviceCode,
        _ => null,
    };

    private T Track<T>(T app)
        where T : ClientApplication
    {
        _apps.Add(app);
        return app;
    }

    private HttpClientNetworkClient Network() =>
        new(Authority.CreateHttpClient(), new HttpClientNetworkClientOptions());
}
