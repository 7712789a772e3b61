using Auth.Common.Requests;

namespace Auth.DocsTests.Completeness;

/// <summary>
/// Every public type of the namespaces Auth.Common.Requests and Auth.Common.Responses has a section on
/// docs/requests-and-responses.md, and every public property (every member of an enum) a row in it.
/// </summary>
[TestFixture]
public sealed class RequestsAndResponsesCompletenessTests
{
    private static readonly Type[] Types =
    [
        .. typeof(AuthRequest).Assembly.GetExportedTypes()
            .Where(t => t.Namespace is "Auth.Common.Requests" or "Auth.Common.Responses")
            .OrderBy(t => t.FullName, StringComparer.Ordinal),
    ];

    [Test]
    public void Types_AreFound() =>
        Types.Select(t => t.Name).Should().Contain(["AuthRequest", "ClientCredentialRequest", "AuthenticationResult", "AccountInfo", "AuthorizationUrl", "TokenSource"]);

    [TestCaseSource(nameof(Types))]
    public void EveryPublicProperty_IsInItsTypesSection(Type type)
    {
        var section = PageSections.Section(PageSections.Read("requests-and-responses.md"), type.Name);

        section.Should().NotBeNull($"requests-and-responses.md needs a '## {type.Name}' section");
        var members = type.IsEnum ? Enum.GetNames(type) : PageSections.PublicProperties(type).Select(p => p.Name);
        var missing = members.Where(name => !section!.Contains($"| `{name}` |", StringComparison.Ordinal));
        missing.Should().BeEmpty($"every public property of {type.Name} needs a table row in its section of requests-and-responses.md");
    }
}
