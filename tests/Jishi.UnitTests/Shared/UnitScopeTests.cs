using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jishi.UnitTests.Shared;

public sealed class UnitScopeTests
{
    // Paths as Unit.AssignPath writes them: the ids from the street down, each followed by "/".
    private const string Street = "/1/";
    private const string Community = "/1/2/";
    private const string Neighbour = "/1/3/";
    private const string LongerId = "/1/23/";
    private const string Branch = "/1/2/7/";

    private sealed record Row(int Id, string Path);

    private static readonly Row[] Rows = [new(1, Street), new(2, Community), new(3, Neighbour), new(23, LongerId), new(7, Branch)];

    [Theory]
    [InlineData(Street, Community)]
    [InlineData(Street, Branch)]
    [InlineData(Community, Branch)]
    [InlineData(Community, Community)]
    [InlineData("/", Street)]
    public void Sees_UnitInSubtree_ReturnsTrue(string scope, string path) => Assert.True(UnitScope.Sees(scope, path));

    [Theory]
    [InlineData(Community, Neighbour)]
    [InlineData(Community, LongerId)]
    [InlineData(Community, Street)]
    [InlineData(Branch, Community)]
    [InlineData("-", Street)]
    public void Sees_UnitOutsideSubtree_ReturnsFalse(string scope, string path) => Assert.False(UnitScope.Sees(scope, path));

    [Fact]
    public void Sees_PathsOfSavedUnits_AreTerminatedSoADigitPrefixIsNoParent()
    {
        var street = Saved(1, UnitKind.Street, null);
        var community = Saved(2, UnitKind.Community, street);
        var longer = Saved(23, UnitKind.Community, street);
        Assert.Equal(Community, community.Path);
        Assert.False(UnitScope.Sees(community.Path, longer.Path));
        Assert.True(UnitScope.Sees(street.Path, longer.Path));
    }

    [Theory]
    [InlineData(Street, new[] { 1, 2, 3, 23, 7 })]
    [InlineData(Community, new[] { 2, 7 })]
    [InlineData(Neighbour, new[] { 3 })]
    [InlineData("-", new int[0])]
    public void VisibleTo_Scope_KeepsTheRowsItSees(string scope, int[] expected) =>
        Assert.Equal(expected, Rows.AsQueryable().VisibleTo(scope, r => r.Path).Select(r => r.Id).ToArray());

    [Fact]
    public void Translatable_SeesInQuery_BecomesPrefixMatchWithSameAnswers()
    {
        var query = UnitScope.Translatable((IQueryable<Row> rows, int id, string scope, CancellationToken ct) =>
            rows.Any(r => r.Id == id && UnitScope.Sees(scope, r.Path)));

        Assert.DoesNotContain(nameof(UnitScope.Sees), query.ToString(), StringComparison.Ordinal);
        Assert.Contains(nameof(string.StartsWith), query.ToString(), StringComparison.Ordinal);
        var run = query.Compile();
        Assert.True(run(Rows.AsQueryable(), 7, Community, default));
        Assert.False(run(Rows.AsQueryable(), 23, Community, default));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void Within_Translated_MatchesPrefixWithScopeAsParameter(string provider)
    {
        var options = new DbContextOptionsBuilder<JishiDbContext>();
        _ = provider == "sqlite" ? options.UseSqlite("Data Source=:memory:") : options.UseNpgsql("Host=127.0.0.1;Database=none");
        using var db = new JishiDbContext(options.Options);

        var sql = db.Members.Within(Community).ToQueryString();

        Assert.Contains("\"Path\" LIKE @scopePath_startswith", sql, StringComparison.Ordinal);
        Assert.Contains("'/1/2/%'", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("LIKE '", sql, StringComparison.Ordinal);
    }

    private static Unit Saved(int id, UnitKind kind, Unit? parent)
    {
        var unit = new Unit("单位" + id, kind, parent);
        typeof(Unit).GetProperty(nameof(Unit.Id))!.SetValue(unit, id);
        unit.AssignPath();
        return unit;
    }
}
