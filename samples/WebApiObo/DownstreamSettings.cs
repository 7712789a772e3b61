using Samples.Web;

namespace WebApiObo;

/// <summary>
/// What the API calls on behalf of the user: Microsoft Graph's <c>/me</c> with <c>User.Read</c>. Against a
/// FakeAuthority (embedded, or the web app's) it calls its own fake Graph instead (<see cref="FakeGraph"/>, same
/// scope), since the real Graph accepts no fake's token. <c>Downstream:Url</c> and <c>Downstream:Scope</c>
/// (environment <c>Downstream__Url</c>, <c>Downstream__Scope</c>) name another API.
/// </summary>
/// <param name="Url">The downstream URL, or null for the fake Graph in this process.</param>
/// <param name="Scope">The scope the on-behalf-of token is asked for.</param>
internal sealed record DownstreamSettings(Uri? Url, string Scope)
{
    public static DownstreamSettings From(IConfiguration configuration, WebSampleAuthority authority)
    {
        var url = configuration["Downstream:Url"] is { Length: > 0 } configured ? new Uri(configured)
            : authority.IsFake ? null
            : new Uri(OnBehalfOfChain.GraphMeUrl);
        return new DownstreamSettings(url, configuration["Downstream:Scope"] is { Length: > 0 } scope ? scope : OnBehalfOfChain.GraphScope);
    }

    /// <summary>The URL to call while serving <paramref name="request"/>.</summary>
    public Uri UrlFor(HttpRequest request) => Url ?? new Uri($"{request.Scheme}://{request.Host}{FakeGraph.MePath}");
}
