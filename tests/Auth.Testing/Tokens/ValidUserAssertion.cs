namespace Auth.Testing.Tokens;

/// <summary>A user assertion the On-Behalf-Of grant accepted: whose it is and when that user signed in.</summary>
/// <param name="User">The registered user named by the assertion's <c>oid</c>.</param>
/// <param name="AuthTime">When the user authenticated, as far as the assertion tells (its <c>iat</c>).</param>
internal sealed record ValidUserAssertion(FakeUser User, DateTimeOffset AuthTime);
