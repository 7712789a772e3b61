namespace Auth.DocsTests.Snippets;

[TestFixture]
public sealed class SnippetSourceTests
{
    [Test]
    public void Region_IsDedented_WithoutNestedDirectivesOrHiddenLines()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file,
            [
                "class C {",
                "    void M() {",
                "        #region Outer",
                "        var a = 1;",
                "        #region Inner",
                "        var b = 2; // docs:hide",
                "            var c = 3;",
                "        #endregion",
                "        #endregion",
                "    }",
                "}",
            ]);

            var source = SnippetSource.Read(file);

            source.TryGetRegion("Outer", out var outer).Should().BeTrue();
            outer.Should().Be("var a = 1;\n    var c = 3;");
            source.TryGetRegion("Inner", out var inner).Should().BeTrue();
            inner.Should().Be("var c = 3;");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void Render_ReplacesTheBlocksCode_AndFind_ReportsItsLine()
    {
        const string page = "# Title\n\n<!-- snippet: A.cs#R -->\n```csharp\nold\n```\n<!-- endsnippet -->\n";

        var blocks = MarkdownSnippets.Find(page);
        var rendered = MarkdownSnippets.Render(page, (file, region) => $"{file}:{region}");

        blocks.Should().ContainSingle().Which.Should().Be(new MarkdownSnippets.Block("A.cs", "R", "old", 3));
        rendered.Should().Be("# Title\n\n<!-- snippet: A.cs#R -->\n```csharp\nA.cs:R\n```\n<!-- endsnippet -->\n");
    }

    [Test]
    public void UnclosedRegion_IsAFormatError()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, ["#region Open", "var a = 1;"]);
            var read = () => SnippetSource.Read(file);
            read.Should().Throw<FormatException>().WithMessage("*'Open' is not closed*");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
