using System.Reflection;
using System.Text.RegularExpressions;
using Auth.DocsTests.Snippets;

namespace Auth.DocsTests.Completeness;

/// <summary>
/// docs/migrating-from-msal.md's API map names real members: every name in backticks in its first column exists in
/// Microsoft.Identity.Client, every one in its second column in Auth.Common, Auth.Server or Auth.Extensions.
/// A name is <c>Type</c>, <c>Type.Member</c> or a bare <c>Member</c> (then some public type must have it).
/// </summary>
[TestFixture]
public sealed partial class MigrationMapTests
{
    private static readonly Assembly[] Msal = [typeof(Microsoft.Identity.Client.PublicClientApplicationBuilder).Assembly];

    private static readonly Assembly[] Auth =
    [
        typeof(global::Auth.Common.Clients.TokenClient).Assembly,
        typeof(global::Auth.Server.PublicClientApplication).Assembly,
        typeof(global::Auth.Extensions.Distributed.DistributedTokenCachePlugin).Assembly,
    ];

    [Test]
    public void EveryMsalName_ExistsInMicrosoftIdentityClient()
    {
        var names = Column(0).ToList();

        names.Should().Contain(["AcquireTokenSilent", "MsalUiRequiredException", "ITokenCache.SetBeforeAccess", "ManagedIdentityApplicationBuilder.Create"]);
        names.Where(n => !Resolves(n, Msal)).Should().BeEmpty("each MSAL.NET name on the page is in Microsoft.Identity.Client");
    }

    [Test]
    public void EveryAuthName_ExistsInAuth()
    {
        var names = Column(1).ToList();

        names.Should().Contain(["AcquireTokenSilentAsync", "InteractionRequiredException", "ITokenCachePlugin.BeforeCacheAccessAsync", "ManagedIdentityApplication"]);
        names.Where(n => !Resolves(n, Auth)).Should().BeEmpty("each Auth name on the page is public in Auth's assemblies");
    }

    [Test]
    public void AMisspelledName_DoesNotResolve()
    {
        Resolves("AcquireTokenSilently", Msal).Should().BeFalse();
        Resolves("TokenCache.GetAccountsAsync", Auth).Should().BeFalse();
    }

    /// <summary>The backticked names of one column of the API map table (rows naming Microsoft.Identity.Web skipped in column 0).</summary>
    private static IEnumerable<string> Column(int index)
    {
        var page = File.ReadAllLines(Path.Combine(RepositoryRoot.Find(), "docs", "migrating-from-msal.md"));
        var start = Array.FindIndex(page, l => l == "## API map");
        start.Should().BeGreaterThan(0, "the page has its API map");
        foreach (var line in page.Skip(start + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2))
        {
            var cell = line.Trim('|').Split('|')[index].Trim();
            if (index == 0 && cell.StartsWith("Microsoft.Identity.Web", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match m in Code().Matches(cell))
            {
                yield return m.Groups[1].Value;
            }
        }
    }

    private static bool Resolves(string name, Assembly[] assemblies)
    {
        var types = assemblies.SelectMany(a => a.GetExportedTypes()).ToList();
        var parts = name.Split('.');
        if (parts.Length == 1)
        {
            return types.Any(t => TypeName(t) == name) || types.Any(t => HasMember(t, name));
        }

        return types.Where(t => TypeName(t) == parts[0]).Any(t => HasMember(t, parts[1]));
    }

    private static string TypeName(Type type) => type.Name.Split('`')[0];

    private static bool HasMember(Type type, string member)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.FlattenHierarchy;
        return type.GetMember(member, flags).Length > 0 || type.GetInterfaces().Any(i => i.GetMember(member, flags).Length > 0);
    }

    [GeneratedRegex("`([A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*)?)`")]
    private static partial Regex Code();
}
