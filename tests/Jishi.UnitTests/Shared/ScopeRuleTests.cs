using System.Text.RegularExpressions;
using Jishi.UnitTests.Architecture;

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
        var web = Path.Combine(SourceTree.RepositoryRoot(), "src", "Jishi.Web");
        var scope = Path.Combine(web, "Shared", "Scope") + Path.DirectorySeparatorChar;
        var sources = SourceTree.Sources(web);
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
}
