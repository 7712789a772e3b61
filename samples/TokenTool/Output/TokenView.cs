using Auth.Common.Responses;

namespace TokenTool.Output;

/// <summary>A token as <c>token --json</c> prints it; <see cref="Source"/> says whether the cache served it.</summary>
internal sealed record TokenView(string AccessToken, string TokenType, DateTimeOffset ExpiresOn, IReadOnlyList<string> Scopes, string? Username, string Source)
{
    public static TokenView From(AuthenticationResult result) =>
        new(result.AccessToken, result.TokenType, result.ExpiresOn, result.Scopes, result.Account?.Username, result.Source.ToString());

    /// <summary>Never the token: a view that reaches a log or a debugger shows its shape only.</summary>
    public override string ToString() => $"TokenView {{ Username = {Username}, ExpiresOn = {ExpiresOn:u}, Source = {Source}, AccessToken = *** }}";
}
