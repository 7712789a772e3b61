namespace Auth.Testing.B2C;

/// <summary>An authorization request to one of a <see cref="FakeB2CTenant"/>'s policies, with the browser's B2C session.</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="Kind">The flow the policy plays.</param>
/// <param name="Cookie">The request's <c>Cookie</c> header, if any.</param>
/// <param name="Secure">Whether the request came over HTTPS (the session cookie is then <c>Secure</c>).</param>
internal sealed record B2CPolicyCall(FakeB2CTenant Tenant, B2CPolicyKind Kind, string? Cookie, bool Secure);
