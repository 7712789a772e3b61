using Auth.Common.Authority;
using Auth.Common.Telemetry;

namespace Auth.Common.Tests.Protocol;

[TestFixture]
public sealed class ClientHeadersTests
{
    private static readonly Guid Correlation = Guid.Parse("12345678-1234-1234-1234-123456789012");

    [Test]
    public void For_EntraAuthority_SendsCorrelationAndLibraryHeaders()
    {
        var headers = new ClientHeaders("Auth.Server", "1.2.3").For(AuthorityInfo.Parse("https://login.example.com/t", ProtocolMode.AzureAD, false), Correlation);

        headers.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["client-request-id"] = Correlation.ToString(),
            ["return-client-request-id"] = "true",
            ["x-client-SKU"] = "Auth.Server",
            ["x-client-VER"] = "1.2.3",
        });
    }

    [Test]
    public void For_OpenIdProvider_SendsNothingMicrosoftSpecific()
    {
        var headers = new ClientHeaders("Auth.Server", "1.2.3").For(AuthorityInfo.Parse("https://idp.example.com", ProtocolMode.Oidc, false), Correlation);

        headers.Should().BeEmpty();
    }
}
