using Auth.Testing;

namespace Auth.IntegrationTests.Testing;

/// <summary>A fresh HTTPS authority reachable under the real-looking host names of every authority kind.</summary>
public abstract class VirtualHostFixture : FakeAuthorityFixture
{
    protected const string Public = "login.microsoftonline.com";
    protected const string PublicCache = "login.windows.net";
    protected const string B2CHost = "contoso.b2clogin.com";
    protected const string CiamHost = "contoso.ciamlogin.com";
    protected const string AdfsHost = "adfs.contoso.com";
    protected const string Regional = "westus.login.microsoft.com";
    protected const string ConfidentialId = "kinds-app";
    protected const string Secret = "kinds-secret";
    protected const string PublicId = "kinds-public-app";

    protected override FakeAuthorityOptions Options => new()
    {
        Hosts = [Public, PublicCache, "login.microsoftonline.us", "login.chinacloudapi.cn", B2CHost, CiamHost, AdfsHost, Regional],
    };

    [SetUp]
    public void RegisterClients()
    {
        Authority.RegisterClient(ConfidentialId, Secret);
        Authority.RegisterPublicClient(PublicId);
    }

    protected static Dictionary<string, string> ClientCredentials(string scope = "api://orders/.default") =>
        new() { ["grant_type"] = "client_credentials", ["client_id"] = ConfidentialId, ["client_secret"] = Secret, ["scope"] = scope };

    protected static Dictionary<string, string> Password(FakeUser user, string scope) => new()
    {
        ["grant_type"] = "password",
        ["client_id"] = PublicId,
        ["username"] = user.Username,
        ["password"] = user.Password,
        ["scope"] = scope,
        ["client_info"] = "1",
    };

    protected Task<HttpResponseMessage> PostAsync(string url, Dictionary<string, string> form) =>
        Http.PostAsync(new Uri(url), new FormUrlEncodedContent(form));

    protected async Task<(System.Net.HttpStatusCode Status, System.Text.Json.JsonElement Json)> PostJsonAsync(string url, Dictionary<string, string> form)
    {
        using var response = await PostAsync(url, form);
        return (response.StatusCode, await TokenClient.JsonAsync(response));
    }

    protected async Task<System.Text.Json.JsonElement> GetJsonAsync(string url)
    {
        using var response = await Http.GetAsync(new Uri(url));
        response.EnsureSuccessStatusCode();
        return await TokenClient.JsonAsync(response);
    }
}
