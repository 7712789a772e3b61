namespace Auth.Testing.Tokens;

/// <summary>A freshly signed access token and the lifetime it was issued with.</summary>
internal sealed record IssuedToken(string AccessToken, TimeSpan Lifetime)
{
    /// <summary>Never prints the token.</summary>
    public override string ToString() => $"IssuedToken {{ Lifetime = {Lifetime} }}";
}
