using Auth.Common.Protocol;
using Auth.Common.Tests.TestDoubles;

namespace Auth.Common.Tests.Protocol;

[TestFixture]
public sealed class ClientInfoTests
{
    [Test]
    public void TryParse_EntraClientInfo_GivesHomeAccountId()
    {
        ClientInfo.TryParse(TestJwt.ClientInfo("u1", "t1"))!.HomeAccountId.Should().Be("u1.t1");
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("!!!")]
    [TestCase("eyJ1aWQiOjF9")]
    [TestCase("bnVsbA")]
    public void TryParse_Unusable_IsNull(string? value)
    {
        ClientInfo.TryParse(value).Should().BeNull();
    }
}
