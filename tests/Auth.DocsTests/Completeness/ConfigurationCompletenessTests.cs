using Auth.Common.Clients;
using Auth.Extensions.Distributed;
using Auth.Server;

namespace Auth.DocsTests.Completeness;

/// <summary>Every option of every public <c>*Options</c> type of the three libraries is on docs/configuration.md, in its type's section.</summary>
[TestFixture]
public sealed class ConfigurationCompletenessTests
{
    private static readonly Type[] OptionsTypes =
    [
        .. new[] { typeof(TokenClientOptions), typeof(ClientApplicationOptions), typeof(DistributedTokenCacheOptions) }
            .Select(t => t.Assembly)
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t.IsClass && t.Name.EndsWith("Options", StringComparison.Ordinal))
            .OrderBy(t => t.FullName, StringComparer.Ordinal),
    ];

    [Test]
    public void OptionsTypes_AreFound() =>
        OptionsTypes.Select(t => t.Name).Should().Contain(
        [
            "ClientApplicationOptions", "PublicClientOptions", "ConfidentialClientOptions", "ManagedIdentityOptions",
            "TokenClientOptions", "ManagedIdentityClientOptions", "DistributedTokenCacheOptions", "PersistentTokenCacheOptions",
        ]);

    [TestCaseSource(nameof(OptionsTypes))]
    public void EverySettableProperty_IsInItsTypesSection(Type type)
    {
        var section = PageSections.Section(PageSections.Read("configuration.md"), type.Name);

        section.Should().NotBeNull($"configuration.md needs a '## {type.Name}' section");
        var missing = PageSections.SettableProperties(type).Select(p => p.Name).Where(name => !section!.Contains($"| `{name}` |", StringComparison.Ordinal));
        missing.Should().BeEmpty($"every option of {type.Name} needs a table row in its section of configuration.md");
    }
}
