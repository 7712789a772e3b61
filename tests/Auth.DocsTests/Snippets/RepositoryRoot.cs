namespace Auth.DocsTests.Snippets;

/// <summary>Finds the repository's root (the folder with Auth.sln) from the test's output folder.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Auth.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Auth.sln above {AppContext.BaseDirectory}.");
    }
}
