using Auth.Testing.B2C;

namespace Auth.Testing;

/// <summary>
/// An Azure AD B2C tenant a <see cref="FakeAuthority"/> plays (<see cref="FakeAuthority.AddB2C"/>): its host
/// <c>{name}.b2clogin.com</c>, its domain <c>{name}.onmicrosoft.com</c> and three user flows. Under that domain, on the
/// virtual host or on the fake's loopback address, the authority answers for these policies only: the sign-up or sign-in
/// page with "Forgot your password?" (redirects <c>access_denied</c> with AADB2C90118) and a sign-up page, the edit
/// profile page (changes the display name; Cancel redirects AADB2C90091) and the password reset page; any other policy
/// is answered 404 with AADB2C90022. Tokens carry the policy in <c>tfp</c> and in client_info's <c>uid</c>
/// (<c>{oid}-{policy}</c>).
/// </summary>
public sealed class FakeB2CTenant
{
    private readonly Uri _baseUri;

    internal FakeB2CTenant(Uri baseUri, string name, string signUpSignInPolicy, string editProfilePolicy, string passwordResetPolicy)
    {
        _baseUri = baseUri;
        Name = name.ToLowerInvariant();
        SignUpSignInPolicy = signUpSignInPolicy;
        EditProfilePolicy = editProfilePolicy;
        PasswordResetPolicy = passwordResetPolicy;
    }

    /// <summary>The tenant name, lower case, e.g. <c>contoso</c>.</summary>
    public string Name { get; }

    /// <summary>The tenant's host, <c>{name}.b2clogin.com</c>, registered as a virtual host.</summary>
    public string Host => $"{Name}.b2clogin.com";

    /// <summary>The tenant's domain and path segment, <c>{name}.onmicrosoft.com</c>.</summary>
    public string Domain => $"{Name}.onmicrosoft.com";

    /// <summary>The sign-up or sign-in policy, e.g. <c>B2C_1_signupsignin</c>.</summary>
    public string SignUpSignInPolicy { get; }

    /// <summary>The edit profile policy, e.g. <c>B2C_1_profileediting</c>.</summary>
    public string EditProfilePolicy { get; }

    /// <summary>The password reset policy, e.g. <c>B2C_1_passwordreset</c>.</summary>
    public string PasswordResetPolicy { get; }

    /// <summary>A policy's authority on the tenant's host, <c>https://{name}.b2clogin.com/tfp/{domain}/{policy}</c> (through <see cref="FakeAuthority.CreateHttpMessageHandler"/>).</summary>
    /// <param name="policy">The policy; any policy name, so that a test can name one the tenant lacks.</param>
    public string AuthorityFor(string policy) => $"{_baseUri.Scheme}://{Host}/tfp/{Domain}/{policy}";

    /// <summary>A policy's authority on the fake's own address, <c>{BaseUri}tfp/{domain}/{policy}</c>: the form a real browser can open.</summary>
    /// <param name="policy">The policy.</param>
    public string LoopbackAuthorityFor(string policy) => $"{_baseUri.AbsoluteUri}tfp/{Domain}/{policy}";

    /// <summary>The flow <paramref name="policy"/> plays (any case), or <see langword="null"/> for a policy the tenant lacks.</summary>
    internal B2CPolicyKind? KindOf(string policy) =>
        Same(policy, SignUpSignInPolicy) ? B2CPolicyKind.SignUpSignIn
        : Same(policy, EditProfilePolicy) ? B2CPolicyKind.EditProfile
        : Same(policy, PasswordResetPolicy) ? B2CPolicyKind.PasswordReset
        : null;

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
