namespace Jishi.UnitTests.Architecture;

/// <summary>The product's source files, read by the tests that hold the house rules.</summary>
public static class SourceTree
{
    /// <summary>The folder holding the solution file, found upwards from where the tests run.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (dir.EnumerateFiles("*.sln*").Any())
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("No solution file above " + AppContext.BaseDirectory);
    }

    /// <summary>The C# and Razor files under <paramref name="folder"/>, build output left out.</summary>
    public static IReadOnlyList<string> Sources(string folder) =>
        Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar)
                .Any(part => part is "bin" or "obj"))
            .ToList();
}
