using Auth.Common.Cache;
using Auth.Common.Runtime;

namespace Auth.Common.Tests.Flows;

[TestFixture]
public sealed class RequestValidationTests
{
    [TestCase(new[] { "a" }, true)]
    [TestCase(new[] { "api://x/.default", "openid" }, true)]
    [TestCase(new[] { " a" }, false)]
    [TestCase(new[] { "a\u3000" }, false)]
    [TestCase(new[] { "a b" }, false)]
    [TestCase(new[] { "a", "A" }, false)]
    [TestCase(new[] { "" }, false)]
    [TestCase(new string[0], false)]
    public void IsClean_IsTrueExactlyWhenScopesWouldReturnTheListUnchanged(string[] scopes, bool clean)
    {
        RequestValidation.IsClean(scopes).Should().Be(clean);
        if (clean)
        {
            RequestValidation.Scopes(scopes).Should().Equal(scopes);
        }
    }

    [Test]
    public void IsClean_Null_IsFalse() => RequestValidation.IsClean(null).Should().BeFalse();

    [TestCase("a b openid", new[] { "a" }, true)]
    [TestCase("a b", new[] { "B", "a" }, true)]
    [TestCase("a b", new[] { "a", "c" }, false)]
    [TestCase("a", new[] { "openid", "a" }, true)]
    [TestCase("a", new[] { "openid" }, false)]
    [TestCase("openid profile", new[] { "openid" }, true)]
    public void Covers_AList_AgreesWithCovers_ASet(string cached, string[] requested, bool covers)
    {
        var set = ScopeSet.Parse(cached);

        set.Covers(requested).Should().Be(covers);
        set.Covers(ScopeSet.From(requested)).Should().Be(covers);
    }
}
