using Auth.Common.Accounts;
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

    // Found by the JWT fuzz target: a uid whose bytes are not UTF-8 threw InvalidOperationException.
    [Test]
    public void TryParse_InvalidUtf8_IsNull()
    {
        var value = System.Buffers.Text.Base64Url.EncodeToString([.. "{\"uid\":\""u8, 0xC3, 0x28, .. "\",\"utid\":\"t\"}"u8]);

        ClientInfo.TryParse(value).Should().BeNull();
    }
}
