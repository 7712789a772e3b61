using System.Text.RegularExpressions;

namespace Auth.Common.Tests.Architecture;

/// <summary>
/// Auth.Common's folders (one namespace each) depend on each other in one direction only, and the
/// package stands alone. Dependencies are read from the sources: a file depends on the folder of every
/// type it names (types are known by their files, one type per file). Comments are left out.
/// </summary>
[TestFixture]
public sealed partial class FolderDependencyTests
{
    private static readonly string Common = Path.Combine(RepositoryRoot(), "lib", "Auth.Common");

    [Test]
    public void Folders_HaveNoCycles()
    {
        var graph = Graph();

        var cycles = Cycles(graph);

        cycles.Should().BeEmpty("a folder that depends on another must not be depended on by it, even through others; found: {0}", string.Join("; ", cycles));
    }

    [Test]
    public void CycleCheck_FindsAPlantedCycle()
    {
        var graph = new Dictionary<string, HashSet<string>> { ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"], ["D"] = ["A"] };

        Cycles(graph).Should().ContainSingle().Which.Should().Be("A -> B -> C -> A");
    }

    [Test]
    public void Graph_SeesRealDependencies()
    {
        var graph = Graph();

        graph["Grants.ClientCredentials"].Should().Contain("Pipeline").And.Contain("Cache");
        graph["Pipeline"].Should().Contain("Authority");
        graph["Cache"].Should().NotContain("Grants.ClientCredentials");
    }

    [Test]
    public void Package_GrantsNoInternalsToAuthServer()
    {
        var project = File.ReadAllText(Path.Combine(Common, "Auth.Common.csproj"));

        project.Should().NotContain("InternalsVisibleTo Include=\"Auth.Server\"");
        project.Should().NotContain("InternalsVisibleTo Include=\"Auth.Extensions\"");
    }

    private static Dictionary<string, HashSet<string>> Graph()
    {
        var files = Directory.GetFiles(Common, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var folderOf = files.ToDictionary(f => f, f => Path.GetRelativePath(Common, Path.GetDirectoryName(f)!).Replace(Path.DirectorySeparatorChar, '.'));
        var typeFolder = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            typeFolder[Path.GetFileNameWithoutExtension(file)] = folderOf[file];
        }

        var graph = folderOf.Values.Distinct().ToDictionary(f => f, _ => new HashSet<string>());
        foreach (var file in files)
        {
            var code = Comments().Replace(File.ReadAllText(file), string.Empty);
            foreach (Match identifier in Identifiers().Matches(code))
            {
                if (typeFolder.TryGetValue(identifier.Value, out var target) && target != folderOf[file])
                {
                    graph[folderOf[file]].Add(target);
                }
            }
        }

        return graph;
    }

    private static List<string> Cycles(Dictionary<string, HashSet<string>> graph)
    {
        var cycles = new List<string>();
        var state = new Dictionary<string, int>();
        var path = new List<string>();

        void Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node, []).Order(StringComparer.Ordinal))
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    cycles.Add(string.Join(" -> ", path.Skip(path.IndexOf(next)).Append(next)));
                }
                else if (state.GetValueOrDefault(next) == 0)
                {
                    Visit(next);
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
        }

        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(node) == 0)
            {
                Visit(node);
            }
        }

        return cycles;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Auth.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Auth.sln not found above the test directory.");
    }

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex Comments();

    [GeneratedRegex(@"\b[A-Z][A-Za-z0-9_]*\b")]
    private static partial Regex Identifiers();
}
