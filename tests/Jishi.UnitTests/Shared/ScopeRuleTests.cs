using System.Text.RegularExpressions;

namespace Jishi.UnitTests.Shared;

/// <summary>The caller's scope is spelled out in Shared/Scope only: a prefix match on a path written anywhere else is a
/// filter someone may forget or get wrong, and a forgotten one leaks a neighbouring community.</summary>
public sealed partial class ScopeRuleTests
{
    [GeneratedRegex(@"Path\.StartsWith")]
    private static partial Regex PrefixMatch();

    [Fact]
    public void WebSources_PathPrefixMatchOutsideSharedScope_AreNone()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "Jishi.Web");
        var scope = Path.Combine(web, "Shared", "Scope") + Path.DirectorySeparatorChar;
        var sources = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => Path.GetRelativePath(web, f).Split(Path.DirectorySeparatorChar)[0] is not ("bin" or "obj"))
            .ToList();
        Assert.Contains(sources, f => f.StartsWith(scope, StringComparison.Ordinal));

        var offending = sources.Where(f => !f.StartsWith(scope, StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(web, f), Line: i + 1, Text: line)))
            .Where(l => PrefixMatch().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offending.Count == 0, "Use UnitScope (Within, VisibleTo, Sees) instead of a prefix match:\n" + string.Join("\n", offending));
    }

    [Fact]
    public void PrefixMatch_ScopeFilterAndHttpPath_BothFound()
    {
        Assert.Matches(PrefixMatch(), "db.Members.Where(m => m.Unit!.Path.StartsWith(scope))");
        Assert.Matches(PrefixMatch(), "request.Path.StartsWithSegments(\"/api\")");
        Assert.DoesNotMatch(PrefixMatch(), "db.Members.Within(scope)");
    }

    /// <summary>The folder holding the solution file, found upwards from where the tests run.</summary>
    private static string RepositoryRoot()
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
}
