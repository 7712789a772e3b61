using System.Text.RegularExpressions;

namespace Auth.DocsTests.Snippets;

/// <summary>Every relative link of the documentation names a file or folder that exists.</summary>
[TestFixture]
public sealed partial class LinkTests
{
    private static readonly string Root = RepositoryRoot.Find();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex LinkPattern();

    public static IEnumerable<string> Pages() => SnippetSyncTests.Pages()
        .Concat(Directory.GetFiles(Path.Combine(Root, "samples"), "README.md", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(Root, p)))
        .Concat(["CONTRIBUTING.md", "SECURITY.md"])
        .Distinct();

    [TestCaseSource(nameof(Pages))]
    public void RelativeLinks_NameExistingFiles(string page)
    {
        var folder = Path.GetDirectoryName(Path.Combine(Root, page))!;
        var broken = LinkPattern().Matches(File.ReadAllText(Path.Combine(Root, page)))
            .Select(m => m.Groups["target"].Value)
            .Where(t => !t.Contains("://", StringComparison.Ordinal) && !t.StartsWith('#') && !t.StartsWith("mailto:", StringComparison.Ordinal))
            .Select(t => t.Split('#')[0])
            .Where(t => !File.Exists(Path.Combine(folder, t)) && !Directory.Exists(Path.Combine(folder, t)))
            .ToList();

        broken.Should().BeEmpty($"{page} links files that do not exist");
    }
}
