using System.Reflection;
using Auth.DocsTests.Snippets;

namespace Auth.DocsTests.Completeness;

/// <summary>Reads a docs page and the sections under its <c>## Heading</c>s, for the completeness tests.</summary>
internal static class PageSections
{
    public static string Read(string page) =>
        File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", page)).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>The text under <c>## {heading}</c> up to the next <c>## </c> heading; null when the page has no such heading.</summary>
    public static string? Section(string markdown, string heading)
    {
        var start = markdown.IndexOf($"\n## {heading}\n", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += heading.Length + 5;
        var end = markdown.IndexOf("\n## ", start, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    /// <summary>The public properties a user sets on <paramref name="type"/> (public <c>set</c> or <c>init</c>), declared on the type itself.</summary>
    public static IEnumerable<PropertyInfo> SettableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(p => p.SetMethod is { IsPublic: true });

    /// <summary>The public properties of <paramref name="type"/>, declared on the type itself, without the compiler's <c>EqualityContract</c>.</summary>
    public static IEnumerable<PropertyInfo> PublicProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
}
