using Samples.Web;

namespace WebApp;

/// <summary>
/// The web API of the on-behalf-of chain (samples/WebApiObo) that <c>/profile</c> calls: <c>WebApi:BaseUrl</c>
/// (environment <c>WebApi__BaseUrl</c>, default <c>http://127.0.0.1:5090/</c>) and the scope of its tokens,
/// <c>WebApi:Scope</c> (<c>WebApi__Scope</c>, default <c>api://sample-web-api/access_as_user</c>; for a real tenant the
/// API registration's, e.g. <c>api://{api client id}/access_as_user</c>).
/// </summary>
/// <param name="BaseUrl">The API's root, ending in a slash.</param>
/// <param name="Scope">The scope the web app asks tokens for the API with.</param>
/// <param name="StartCommand">Against the embedded FakeAuthority, the command that starts the API at this authority; else null.</param>
internal sealed record WebApiSettings(Uri BaseUrl, string Scope, string? StartCommand)
{
    public static WebApiSettings From(IConfiguration configuration, WebSampleAuthority authority)
    {
        var url = configuration["WebApi:BaseUrl"] is { Length: > 0 } configured ? configured : OnBehalfOfChain.DefaultApiUrl;
        var baseUrl = new Uri(url.EndsWith('/') ? url : url + "/");
        var scope = configuration["WebApi:Scope"] is { Length: > 0 } configuredScope ? configuredScope : OnBehalfOfChain.ApiScope;
        return new WebApiSettings(baseUrl, scope, authority.Fake is null ? null : OnBehalfOfChain.StartApiCommand(authority.Authority, baseUrl));
    }
}
