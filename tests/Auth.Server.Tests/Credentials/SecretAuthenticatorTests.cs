using System.Text;
using Auth.Common.Authority;
using Auth.Common.Credentials;
using Auth.Common.Pipeline;

namespace Auth.Server.Tests.Credentials;

[TestFixture]
public sealed class SecretAuthenticatorTests
{
    private static ClientAuthenticationContext Context(ProtocolMode mode, params string[] methods) =>
        new("client:1", new Uri("https://idp.example.com/token"), null, null, mode, [], methods);

    private static TokenRequestContent Apply(ClientSecretTransport transport, ClientAuthenticationContext context)
    {
        var request = new TokenRequestContent();
        request.Add("grant_type", "client_credentials");
        request.Add("client_id", context.ClientId);
        request.Add(new ClientSecretAuthenticator("p@ss word+/", transport).AuthenticateAsync(context, CancellationToken.None).AsTask().Result);
        return request;
    }

    [TestCase(ProtocolMode.AzureAD)]
    [TestCase(ProtocolMode.Oidc, "client_secret_post", "private_key_jwt")]
    public void Automatic_PostWhereBasicIsNotTheDefault(ProtocolMode mode, params string[] methods)
    {
        var request = Apply(ClientSecretTransport.Automatic, Context(mode, methods));

        request.Form.Should().Contain(new KeyValuePair<string, string>("client_secret", "p@ss word+/"));
        request.Headers.Should().NotContainKey("Authorization");
    }

    [TestCase]
    [TestCase("client_secret_basic", "client_secret_post")]
    public void Automatic_OidcProviderWithBasicOrNoList_UsesBasic(params string[] methods)
    {
        var request = Apply(ClientSecretTransport.Automatic, Context(ProtocolMode.Oidc, methods));

        request.Headers.Should().ContainKey("Authorization");
        request.Form.Should().NotContain(p => p.Key == "client_secret" || p.Key == "client_id");
    }

    [Test]
    public void Basic_EncodesBothPartsPerRfc6749()
    {
        var request = Apply(ClientSecretTransport.BasicAuthorization, Context(ProtocolMode.AzureAD));

        var value = request.Headers["Authorization"];
        value.Should().StartWith("Basic ");
        Encoding.UTF8.GetString(Convert.FromBase64String(value["Basic ".Length..])).Should().Be("client%3A1:p%40ss%20word%2B%2F");
    }

    [Test]
    public void RequestBody_IsHonouredForOidc()
    {
        var request = Apply(ClientSecretTransport.RequestBody, Context(ProtocolMode.Oidc));

        request.Form.Should().Contain(p => p.Key == "client_secret");
        request.Headers.Should().BeEmpty();
    }
}
