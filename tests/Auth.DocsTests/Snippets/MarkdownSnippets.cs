using System.Text;
using System.Text.RegularExpressions;

namespace Auth.DocsTests.Snippets;

/// <summary>
/// The snippet blocks of a Markdown page. A block is
/// <c>&lt;!-- snippet: File.cs#Region --&gt;</c>, a fenced <c>csharp</c> code block, and <c>&lt;!-- endsnippet --&gt;</c>;
/// the file is under docs/snippets, and <c>#A+B</c> shows regions A and B as one block. <see cref="Render"/> gives the page with every block's code taken from its region.
/// </summary>
internal static partial class MarkdownSnippets
{
    public sealed record Block(string File, string Region, string Code, int Line);

    [GeneratedRegex(@"<!-- snippet: (?<file>[^#\s]+)#(?<region>\S+) -->\n```csharp\n(?<code>.*?)```\n<!-- endsnippet -->", RegexOptions.Singleline)]
    private static partial Regex BlockPattern();

    public static IReadOnlyList<Block> Find(string markdown)
    {
        var text = markdown.Replace("\r\n", "\n", StringComparison.Ordinal);
        return BlockPattern().Matches(text)
            .Select(m => new Block(
                m.Groups["file"].Value,
                m.Groups["region"].Value,
                m.Groups["code"].Value.TrimEnd('\n'),
                text[..m.Index].Count(c => c == '\n') + 1))
            .ToList();
    }

    /// <summary>Counts the snippet markers, to catch a block the pattern does not match (a typo in its fence).</summary>
    public static int CountMarkers(string markdown) => Regex.Count(markdown, "<!-- snippet: ");

    public static string Render(string markdown, Func<string, string, string> regionText)
    {
        var text = markdown.Replace("\r\n", "\n", StringComparison.Ordinal);
        return BlockPattern().Replace(text, m =>
        {
            var file = m.Groups["file"].Value;
            var region = m.Groups["region"].Value;
            var code = new StringBuilder()
                .Append("<!-- snippet: ").Append(file).Append('#').Append(region).Append(" -->\n")
                .Append("```csharp\n").Append(regionText(file, region)).Append("\n```\n")
                .Append("<!-- endsnippet -->");
            return code.ToString();
        });
    }
}
