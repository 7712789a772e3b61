using Auth.Common.Errors;

namespace Auth.Server.Tests.Applications;

[TestFixture]
public sealed class ConfidentialClientOptionsTests
{
    [Test]
    public void Constructor_HttpAuthority_IsInsecureAuthority()
    {
        var options = new ConfidentialClientOptions
        {
            ClientId = "c1",
            Authority = "http://login.microsoftonline.com/t1",
            ClientCredential = ClientCredential.FromSecret("s"),
        };

        var act = () => new ConfidentialClientApplication(options);

        act.Should().Throw<AuthClientException>().Which.Code.Should().Be(AuthErrorCodes.InsecureAuthority);
    }

    [Test]
    public void Constructor_SeveralProblems_AreReportedTogether()
    {
        var act = () => new ConfidentialClientApplication(new ConfidentialClientOptions { Authority = "nope" });

        var error = act.Should().Throw<AuthClientException>().Which;
        error.Code.Should().Be(AuthErrorCodes.InvalidConfiguration);
        error.Message.Should().Contain("3 problems").And.Contain("ClientId").And.Contain("ClientCredential").And.Contain("authority");
    }

    [Test]
    public void ClientCredential_ToString_NeverShowsTheSecret()
    {
        var credential = ClientCredential.FromSecret("super-secret-value");

        credential.ToString().Should().NotContain("super-secret-value");
    }
}
