using Auth.Common.Accounts;

namespace Auth.Common.Tests.Accounts;

[TestFixture]
public sealed class B2CAccountIdTests
{
    private const string Oid = "8ca6e600-5402-427a-811b-664d5a628c97";
    private const string Tid = "2320d8c9-9346-4c22-a9f5-058102c90dc8";

    [TestCase(Oid + "-b2c_1_susi." + Tid, "b2c_1_susi")]
    [TestCase(Oid + "-b2c_1a_sign.up." + Tid, "b2c_1a_sign.up")]
    [TestCase(Oid + "." + Tid, null)]
    [TestCase("sub-value", null)]
    [TestCase("not-a-guid-at-all-not-a-guid-at-all-x-b2c_1_susi." + Tid, null)]
    public void PolicyOf_HomeAccountId_IsThePartAfterTheObjectId(string homeAccountId, string? policy)
    {
        var found = B2CAccountId.PolicyOf(homeAccountId);

        Assert.That(found, Is.EqualTo(policy));
    }

    [Test]
    public void ForPolicy_AnotherPolicysAccount_SameUserAndTenantLowerCasePolicy()
    {
        var mapped = B2CAccountId.ForPolicy($"{Oid}-b2c_1_susi.{Tid}", "B2C_1_ProfileEditing");

        Assert.That(mapped, Is.EqualTo($"{Oid}-b2c_1_profileediting.{Tid}"));
    }

    [Test]
    public void ForPolicy_AnEntraAccount_Unchanged()
    {
        var mapped = B2CAccountId.ForPolicy($"{Oid}.{Tid}", "B2C_1_susi");

        Assert.That(mapped, Is.EqualTo($"{Oid}.{Tid}"));
    }
}
