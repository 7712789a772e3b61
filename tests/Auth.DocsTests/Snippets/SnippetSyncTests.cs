namespace Auth.DocsTests.Snippets;

/// <summary>
/// Every snippet block in the documentation is its region's code, verbatim. With <c>AUTH_UPDATE_SNIPPETS=1</c>
/// (build/docs.sh) the pages are rewritten from the regions instead.
/// </summary>
[TestFixture]
public sealed class SnippetSyncTests
{
    private static readonly string Root = RepositoryRoot.Find();
    private static readonly string SnippetFolder = Path.Combine(Root, "docs", "snippets");

    private static bool Update => Environment.GetEnvironmentVariable("AUTH_UPDATE_SNIPPETS") == "1";

    /// <summary>The Markdown pages that may include snippets: docs/, the README and the package READMEs.</summary>
    public static IEnumerable<string> Pages()
    {
        var pages = Directory.GetFiles(Path.Combine(Root, "docs"), "*.md")
            .Append(Path.Combine(Root, "README.md"))
            .Concat(new[] { "lib/Auth.Common", "lib/Auth.Server", "extensions/Auth.Extensions", "tests/Auth.Testing" }
                .Select(p => Path.Combine(Root, p, "README.md")))
            .Where(File.Exists);
        return pages.Select(p => Path.GetRelativePath(Root, p)).Order(StringComparer.Ordinal);
    }

    [TestCaseSource(nameof(Pages))]
    public void SnippetBlocks_AreTheirRegionsCode(string page)
    {
        var path = Path.Combine(Root, page);
        var markdown = File.ReadAllText(path);
        var blocks = MarkdownSnippets.Find(markdown);
        blocks.Should().HaveCount(MarkdownSnippets.CountMarkers(markdown),
            "every '<!-- snippet: File.cs#Region -->' marker must be followed by a ```csharp block and '<!-- endsnippet -->'");

        var sources = new Dictionary<string, SnippetSource>(StringComparer.Ordinal);
        string RegionText(string file, string region)
        {
            if (!sources.TryGetValue(file, out var source))
            {
                var sourcePath = Path.Combine(SnippetFolder, file);
                File.Exists(sourcePath).Should().BeTrue($"{page} includes docs/snippets/{file}");
                sources[file] = source = SnippetSource.Read(sourcePath);
            }

            // "Usings+Body" shows two regions as one block, a blank line between.
            return string.Join("\n\n", region.Split('+').Select(part =>
            {
                source.TryGetRegion(part, out var text).Should().BeTrue($"{page} includes region '{part}' of docs/snippets/{file}");
                return text;
            }));
        }

        if (Update)
        {
            var rendered = MarkdownSnippets.Render(markdown, RegionText);
            if (rendered != markdown.Replace("\r\n", "\n", StringComparison.Ordinal))
            {
                File.WriteAllText(path, rendered);
                TestContext.Out.WriteLine($"updated {page}");
            }

            return;
        }

        foreach (var block in blocks)
        {
            block.Code.Should().Be(RegionText(block.File, block.Region),
                $"{page}:{block.Line} shows docs/snippets/{block.File}#{block.Region}; run build/docs.sh to copy the code into the page");
        }
    }

    [Test]
    public void EveryRegion_IsShownOnSomePage()
    {
        var used = Pages()
            .SelectMany(p => MarkdownSnippets.Find(File.ReadAllText(Path.Combine(Root, p))))
            .SelectMany(b => b.Region.Split('+').Select(r => $"{b.File}#{r}"))
            .ToHashSet(StringComparer.Ordinal);
        var regions = Directory.GetFiles(SnippetFolder, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => SnippetSource.Read(f).RegionNames.Select(r => $"{Path.GetRelativePath(SnippetFolder, f).Replace('\\', '/')}#{r}"));

        regions.Where(r => !used.Contains(r)).Should().BeEmpty("a snippet that no page shows is dead code");
    }
}
