using Auth.Common.Cache;

namespace Auth.Common.Tests.Cache;

[TestFixture]
public sealed class CacheKeyBuilderTests
{
    [TestCase("", "login.Windows.net", "Client-ID", "Tenant-1", new[] { "api://Res/.default" })]
    [TestCase("Uid.Utid", "login.microsoftonline.com", "c", "t", new[] { "User.Read", "Mail.Send", "openid" })]
    public void WriteCredential_IsTheKeyCacheKeysBuilds(string home, string environment, string clientId, string realm, string[] scopes)
    {
        var key = new CacheKeyBuilder(stackalloc char[CacheKeyBuilder.StackSize]);

        CacheKeys.WriteCredential(ref key, home, environment, CacheKeys.AccessTokenType, clientId, realm, scopes);

        key.Overflowed.Should().BeFalse();
        key.Key.ToString().Should().Be(CacheKeys.Credential(home, environment, CacheKeys.AccessTokenType, clientId, realm, string.Join(' ', scopes)));
    }

    [Test]
    public void WriteAppPartition_IsTheKeyCacheKeysBuilds_WithoutLowerCasing()
    {
        var key = new CacheKeyBuilder(stackalloc char[64]);

        CacheKeys.WriteAppPartition(ref key, "Client", "Tenant");

        key.Key.ToString().Should().Be(CacheKeys.AppPartition("Client", "Tenant")).And.Be("Client_Tenant_AppTokenCache");
    }

    [Test]
    public void Append_PastTheBuffer_Overflows_UntilCleared()
    {
        var key = new CacheKeyBuilder(stackalloc char[8]);

        key.AppendLower("abcdef");
        key.Append('-');
        key.Append("xyz");

        key.Overflowed.Should().BeTrue();
        key.Clear();
        key.Append("ok");
        key.Overflowed.Should().BeFalse();
        key.Key.ToString().Should().Be("ok");
    }
}
