using System.Text.RegularExpressions;

namespace Jishi.UnitTests.Architecture;

/// <summary>What may import what (docs/architecture.md): Shared serves every feature, so it imports only the three the
/// caller's scope is made of — the unit tree (Organizations), the roster (Members) and the roles (Accounts). Anything
/// else in Shared that needs a feature belongs in that feature.</summary>
public sealed partial class ImportRuleTests
{
    private static readonly string[] Foundations = ["Accounts", "Members", "Organizations"];

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?Jishi\.Web\.Features\.(\w+)")]
    private static partial Regex FeatureImport();

    [Fact]
    public void SharedSources_FeatureImports_OnlyTheScopeFoundations()
    {
        var web = Path.Combine(SourceTree.RepositoryRoot(), "src", "Jishi.Web");
        var shared = Path.Combine(web, "Shared");
        var imports = SourceTree.Sources(shared)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(web, f), Line: i + 1, Match: FeatureImport().Match(line))))
            .Where(l => l.Match.Success)
            .ToList();
        Assert.Contains(imports, l => l.Match.Groups[1].Value == "Organizations");

        var offending = imports.Where(l => !Foundations.Contains(l.Match.Groups[1].Value))
            .Select(l => $"{l.File}:{l.Line}: {l.Match.Value.Trim()}")
            .ToList();
        Assert.True(offending.Count == 0, "Shared imports a feature; move the code into that feature:\n" + string.Join("\n", offending));
    }

    [Fact]
    public void FeatureImport_UsingAndGlobalUsing_BothFound()
    {
        Assert.Equal("Points", FeatureImport().Match("using Jishi.Web.Features.Points;").Groups[1].Value);
        Assert.Equal("Shops", FeatureImport().Match("global using Jishi.Web.Features.Shops.Pages;").Groups[1].Value);
        Assert.DoesNotMatch(FeatureImport(), "using Jishi.Web.Shared.Scope;");
    }
}
