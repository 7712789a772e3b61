using Auth.Server.Network;
using Auth.Testing;

namespace B2CUserFlows;

/// <summary>
/// The B2C tenant the sample signs in with: a real one from AUTH_B2C_TENANT (e.g. <c>contoso</c>), AUTH_CLIENT_ID and
/// AUTH_CLIENT_SECRET, with the policies AUTH_B2C_SIGNUP_SIGNIN, AUTH_B2C_EDIT_PROFILE and AUTH_B2C_PASSWORD_RESET
/// (defaults B2C_1_signupsignin, B2C_1_profileediting, B2C_1_passwordreset) and AUTH_SCOPE (default: the client id);
/// or, with no AUTH_B2C_TENANT, the embedded FakeAuthority playing the tenant <c>contoso</c> with those three policies.
/// </summary>
internal sealed class B2CSampleAuthority : IDisposable
{
    private readonly Func<string, string> _authorityFor;

    private B2CSampleAuthority(FakeAuthority? fake, Func<string, string> authorityFor, string clientId, string secret, string scope, string[] policies)
    {
        Fake = fake;
        _authorityFor = authorityFor;
        ClientId = clientId;
        ClientSecret = secret;
        Scope = scope;
        (SignUpSignIn, EditProfile, PasswordReset) = (policies[0], policies[1], policies[2]);
    }

    public FakeAuthority? Fake { get; }

    public string ClientId { get; }

    public string ClientSecret { get; }

    /// <summary>The scope of the access token the app keeps (an API of the tenant, or its own client id).</summary>
    public string Scope { get; }

    public string SignUpSignIn { get; }

    public string EditProfile { get; }

    public string PasswordReset { get; }

    public static B2CSampleAuthority FromEnvironment()
    {
        string[] policies =
        [
            Variable("AUTH_B2C_SIGNUP_SIGNIN") ?? "B2C_1_signupsignin",
            Variable("AUTH_B2C_EDIT_PROFILE") ?? "B2C_1_profileediting",
            Variable("AUTH_B2C_PASSWORD_RESET") ?? "B2C_1_passwordreset",
        ];
        if (Variable("AUTH_B2C_TENANT") is { } tenant)
        {
            var clientId = Required("AUTH_CLIENT_ID");
            return new B2CSampleAuthority(
                null, policy => $"https://{tenant}.b2clogin.com/tfp/{tenant}.onmicrosoft.com/{policy}", clientId, Required("AUTH_CLIENT_SECRET"), Variable("AUTH_SCOPE") ?? clientId, policies);
        }

        var fake = FakeAuthority.Start();
        var b2c = fake.AddB2C("contoso", policies[0], policies[1], policies[2]);
        fake.RegisterClient("b2c-sample-app", "b2c-sample-secret");
        return new B2CSampleAuthority(fake, b2c.LoopbackAuthorityFor, "b2c-sample-app", "b2c-sample-secret", "https://contoso.onmicrosoft.com/api/read", policies);
    }

    /// <summary>The authority of one policy, e.g. <c>https://contoso.b2clogin.com/tfp/contoso.onmicrosoft.com/B2C_1_signupsignin</c>.</summary>
    public string AuthorityFor(string policy) => _authorityFor(policy);

    /// <summary>The HTTP client for the authority: the fake's pins its self-signed certificate.</summary>
    public HttpClientNetworkClient? NetworkClient() => Fake is null ? null : new HttpClientNetworkClient(Fake.CreateHttpClient());

    public void Dispose() => Fake?.Dispose();

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    private static string Required(string name) =>
        Variable(name) ?? throw new InvalidOperationException($"Set {name} together with AUTH_B2C_TENANT.");
}
