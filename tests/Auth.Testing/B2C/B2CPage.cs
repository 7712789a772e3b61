using Auth.Testing.Authorization;

namespace Auth.Testing.B2C;

/// <summary>
/// What every page of one B2C authorization request shares: the request, the tenant, and its query without the fake's
/// own <c>screen</c> parameter (the pages' links add it; their forms post back to the request's URL).
/// </summary>
internal sealed record B2CPage(AuthorizeRequest Request, FakeB2CTenant Tenant, string Query)
{
    public const string ScreenParameter = "screen";

    /// <summary>The page for <paramref name="query"/> (no leading '?'), whatever screen it names.</summary>
    public static B2CPage For(AuthorizeRequest request, FakeB2CTenant tenant, string query) =>
        new(request, tenant, string.Join('&', query.Split('&').Where(p => !p.StartsWith(ScreenParameter + "=", StringComparison.Ordinal))));

    /// <summary>The screen the query names (<c>signup</c>, <c>forgot</c>), or <see langword="null"/>.</summary>
    public static string? ScreenOf(IReadOnlyDictionary<string, string> query) => query.GetValueOrDefault(ScreenParameter);

    /// <summary>A link to another screen of the same request, HTML-encoded.</summary>
    public string Link(string screen) => PageShell.Encode($"?{Query}&{ScreenParameter}={screen}");

    /// <summary>The form's action: the request's URL, HTML-encoded.</summary>
    public string Action => PageShell.Encode("?" + Query);
}
