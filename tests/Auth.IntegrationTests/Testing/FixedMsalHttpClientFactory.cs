using Microsoft.Identity.Client;

namespace Auth.IntegrationTests.Testing;

/// <summary>Hands MSAL.NET one HttpClient (the fake authority's, which trusts its certificate).</summary>
internal sealed class FixedMsalHttpClientFactory(HttpClient client) : IMsalHttpClientFactory
{
    public HttpClient GetHttpClient() => client;
}
