using System.Reflection;
using Auth.DocsTests.Snippets;
using Auth.Extensions.Distributed;
using Auth.Extensions.Persistence;

namespace Auth.DocsTests.Completeness;

/// <summary>docs/token-caching.md names every option of the persisted caches and every persistence error code.</summary>
[TestFixture]
public sealed class CacheOptionsPageTests
{
    public static IEnumerable<string> Names() =>
        new[] { typeof(DistributedTokenCacheOptions), typeof(PersistentTokenCacheOptions) }
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p.SetMethod?.IsPublic == true)
            .Select(p => p.Name)
            .Concat(typeof(PersistenceBuilder).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && m.Name != nameof(PersistenceBuilder.Build)).Select(m => m.Name))
            .Concat(typeof(PersistenceErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!))
            .Distinct();

    [TestCaseSource(nameof(Names))]
    public void TokenCachingPage_NamesIt(string name)
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "token-caching.md"));

        page.Should().Contain($"`{name}", "every option, builder method and persistence error code is on docs/token-caching.md");
    }
}
