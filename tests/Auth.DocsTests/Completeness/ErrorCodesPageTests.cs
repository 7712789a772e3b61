using System.Reflection;
using Auth.Common.Errors;
using Auth.DocsTests.Snippets;

namespace Auth.DocsTests.Completeness;

/// <summary>docs/errors.md lists every error code the library defines.</summary>
[TestFixture]
public sealed class ErrorCodesPageTests
{
    public static IEnumerable<string> Codes() =>
        typeof(AuthErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    [Test]
    public void AuthErrorCodes_HasCodes() => Codes().Should().HaveCountGreaterThan(40);

    [TestCaseSource(nameof(Codes))]
    public void ErrorsPage_ListsTheCode(string code)
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "errors.md"));

        page.Should().Contain($"| `{code}` |", "every AuthErrorCodes value has a row in docs/errors.md's tables");
    }
}
