using Auth.Common.Accounts;
using Auth.Common.Authority;
using Auth.Common.Tests.TestDoubles;

namespace Auth.Common.Tests.Flows;

[TestFixture]
public sealed class AccountIdentityTests
{
    private static readonly AuthorityInfo Entra = AuthorityInfo.Parse("https://login.example.com/common", ProtocolMode.AzureAD, false);
    private static readonly AuthorityInfo Oidc = AuthorityInfo.Parse("https://idp.example.com/realms/x", ProtocolMode.Oidc, false);

    private static Dictionary<string, string> Claims(params (string, string)[] pairs) => pairs.ToDictionary(p => p.Item1, p => p.Item2);

    [Test]
    public void From_EntraWithClientInfo_UsesUidUtid()
    {
        var account = AccountIdentity.From(Entra, TestJwt.ClientInfo("u1", "t1"), Claims(("sub", "s"), ("oid", "u1"), ("tid", "t1"), ("preferred_username", "ada@x")))!;

        account.HomeAccountId.Should().Be("u1.t1");
        account.LocalAccountId.Should().Be("u1");
        account.Realm.Should().Be("t1");
        account.Username.Should().Be("ada@x");
        account.AuthorityType.Should().Be("MSSTS");
        account.Environment.Should().Be("login.example.com");
    }

    [Test]
    public void From_OidcProvider_UsesSubScopedToTheIssuerAndIgnoresClientInfo()
    {
        var account = AccountIdentity.From(Oidc, TestJwt.ClientInfo("u1", "t1"), Claims(("sub", "s-42"), ("email", "bob@x")))!;

        account.HomeAccountId.Should().Be(IssuerScopedAccountId.For(Oidc, "s-42")).And.StartWith("s-42~");
        account.LocalAccountId.Should().Be("s-42");
        account.Realm.Should().BeEmpty();
        account.Username.Should().Be("bob@x");
        account.ClientInfo.Should().BeNull();
        account.AuthorityType.Should().Be("Generic");
    }

    [Test]
    public void From_B2CStyleEmailsArray_TakesTheFirst()
    {
        var account = AccountIdentity.From(Oidc, null, Claims(("sub", "s"), ("emails", """["first@x","second@x"]""")))!;

        account.Username.Should().Be("first@x");
    }

    [Test]
    public void From_NoClientInfoNoSub_IsNull()
    {
        AccountIdentity.From(Entra, null, Claims(("name", "n"))).Should().BeNull();
    }
}
