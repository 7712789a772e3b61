namespace Auth.DocsTests.Snippets;

/// <summary>
/// Reads the regions of one snippet file. A region's text is the lines between <c>#region Name</c> and its
/// <c>#endregion</c>, without nested region directives and without lines ending in <c>// docs:hide</c>
/// (test wiring such as the fake's network client), and with the common indentation removed.
/// </summary>
internal sealed class SnippetSource
{
    public const string HideMarker = "// docs:hide";

    private readonly Dictionary<string, string> _regions;

    private SnippetSource(string path, Dictionary<string, string> regions)
    {
        Path = path;
        _regions = regions;
    }

    public string Path { get; }

    public IReadOnlyCollection<string> RegionNames => _regions.Keys;

    public bool TryGetRegion(string name, out string text) => _regions.TryGetValue(name, out text!);

    public static SnippetSource Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        var open = new List<(string Name, List<string> Lines)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.StartsWith("#region", StringComparison.Ordinal))
            {
                var name = trimmed["#region".Length..].Trim();
                if (name.Length == 0)
                {
                    throw new FormatException($"{path}:{i + 1}: a snippet region needs a name.");
                }

                open.Add((name, []));
                continue;
            }

            if (trimmed.StartsWith("#endregion", StringComparison.Ordinal))
            {
                if (open.Count == 0)
                {
                    throw new FormatException($"{path}:{i + 1}: #endregion without #region.");
                }

                var (name, body) = open[^1];
                open.RemoveAt(open.Count - 1);
                if (!regions.TryAdd(name, Dedent(body)))
                {
                    throw new FormatException($"{path}:{i + 1}: region '{name}' is defined twice.");
                }

                continue;
            }

            if (lines[i].TrimEnd().EndsWith(HideMarker, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var region in open)
            {
                region.Lines.Add(lines[i]);
            }
        }

        if (open.Count > 0)
        {
            throw new FormatException($"{path}: region '{open[^1].Name}' is not closed.");
        }

        return new SnippetSource(path, regions);
    }

    private static string Dedent(List<string> lines)
    {
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..].TrimEnd() : l.Trim())).Trim('\n');
    }
}
