using System.Security.Cryptography;
using System.Text;
using Auth.Common.Cache;

namespace Auth.Common.Tests.Cache;

[TestFixture]
public sealed class QueryParameterKeyTests
{
    [Test]
    public void NoParameters_HaveNoKey()
    {
        QueryParameterKey.Of(null).Should().BeNull();
        QueryParameterKey.Of(new Dictionary<string, string>()).Should().BeNull();
    }

    [Test]
    public void Key_IsSha256OfNamesAndValuesSortedByName_InBase64Url()
    {
        var key = QueryParameterKey.Of(new Dictionary<string, string> { ["slice"] = "a", ["dc"] = "x" });

        var expected = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("dcxslicea"))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        key.Should().Be(expected);
    }

    [Test]
    public void Key_DependsOnTheSetNotTheOrder_AndOnEveryValue()
    {
        var a = QueryParameterKey.Of(new Dictionary<string, string> { ["slice"] = "a", ["dc"] = "x" });
        var swapped = QueryParameterKey.Of(new Dictionary<string, string> { ["dc"] = "x", ["slice"] = "a" });
        var other = QueryParameterKey.Of(new Dictionary<string, string> { ["slice"] = "b", ["dc"] = "x" });

        swapped.Should().Be(a);
        other.Should().NotBe(a);
    }
}
