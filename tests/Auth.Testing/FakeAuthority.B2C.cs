namespace Auth.Testing;

/// <summary>Azure AD B2C tenants with their user flows.</summary>
public sealed partial class FakeAuthority
{
    /// <summary>
    /// Plays the Azure AD B2C tenant <paramref name="tenantName"/> with three user flows (see <see cref="FakeB2CTenant"/>):
    /// registers its host <c>{tenantName}.b2clogin.com</c> and answers under <c>{tenantName}.onmicrosoft.com</c>
    /// (<c>/tfp/{domain}/{policy}/…</c> or <c>/{domain}/{policy}/…</c>) for these policies only. HTTP clients that play the
    /// browser (no <c>text/html</c> in <c>Accept</c>) are signed in without a page, as at any policy.
    /// </summary>
    /// <param name="tenantName">The tenant name, e.g. <c>contoso</c> (a DNS label).</param>
    /// <param name="signUpSignInPolicy">The sign-up or sign-in policy.</param>
    /// <param name="editProfilePolicy">The edit profile policy.</param>
    /// <param name="passwordResetPolicy">The password reset policy.</param>
    /// <returns>The tenant: its host, domain, policies and authorities.</returns>
    /// <exception cref="ArgumentException">The name is not a DNS label, or a policy is not a B2C policy name (<c>B2C_1_…</c>, <c>B2C_1A_…</c>).</exception>
    public FakeB2CTenant AddB2C(
        string tenantName,
        string signUpSignInPolicy = "B2C_1_signupsignin",
        string editProfilePolicy = "B2C_1_profileediting",
        string passwordResetPolicy = "B2C_1_passwordreset")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantName);
        RequirePolicy(signUpSignInPolicy, nameof(signUpSignInPolicy));
        RequirePolicy(editProfilePolicy, nameof(editProfilePolicy));
        RequirePolicy(passwordResetPolicy, nameof(passwordResetPolicy));

        var tenant = new FakeB2CTenant(BaseUri, tenantName, signUpSignInPolicy, editProfilePolicy, passwordResetPolicy);
        _services.Hosts.Add(tenant.Host);
        _services.B2C.Add(tenant);
        return tenant;
    }

    private static void RequirePolicy(string policy, string parameter)
    {
        if (!Endpoints.RoutePath.IsB2CPolicy(policy))
        {
            throw new ArgumentException($"'{policy}' is not a B2C policy name (B2C_1_… or B2C_1A_…).", parameter);
        }
    }
}
