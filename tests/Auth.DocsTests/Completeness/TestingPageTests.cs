using System.Reflection;
using System.Text.RegularExpressions;
using Auth.DocsTests.Snippets;
using Auth.Testing;
using Auth.Testing.Faults;

namespace Auth.DocsTests.Completeness;

/// <summary>docs/testing.md names every public member of the test kit's main types, in code (<c>`Name</c> or <c>.Name</c>, then a non-identifier character).</summary>
[TestFixture]
public sealed class TestingPageTests
{
    private static readonly string Page = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "testing.md"));

    [TestCase(typeof(FakeAuthority))]
    [TestCase(typeof(FakeAuthorityOptions))]
    [TestCase(typeof(FakeTokenResponse))]
    [TestCase(typeof(FakeTokenRequest))]
    [TestCase(typeof(FakeFaultPlan))]
    [TestCase(typeof(FakeUser))]
    [TestCase(typeof(FakeManagedIdentityEndpoint))]
    public void EveryPublicMember_IsOnThePage(Type type)
    {
        var names = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m is PropertyInfo || (m is MethodInfo method && !method.IsSpecialName && method.DeclaringType == type))
            .Select(m => m.Name)
            .Where(n => n is not ("Dispose" or "DisposeAsync" or "ToString" or "Equals" or "GetHashCode" or "Deconstruct" or "<Clone>$" or "EqualityContract" or "Validate"))
            .Distinct();

        var missing = names.Where(n => !Regex.IsMatch(Page, $"[`.]{n}(?![A-Za-z0-9_])"));

        string.Join(", ", missing).Should().BeEmpty($"docs/testing.md describes every public member of {type.Name}");
    }
}
