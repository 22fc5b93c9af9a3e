using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Grading;

/// <summary>The street's 指标库: list, a new draft (a copy of the adopted library of the same or the latest earlier year),
/// edits of a draft's indicators, and adoption.</summary>
public sealed class IndicatorLibraries(JishiDbContext db, CurrentUser user, TimeProvider clock)
{
    public sealed record CreateRequest(int Year, int? CopyFromId);

    public sealed record IndicatorInput(string? Category, string? Item, string? Content, decimal FullScore, string? Criteria, bool EvidenceRequired,
        bool IsVeto, IndicatorKind Kind, string? AutoSource);

    public async Task<IReadOnlyList<LibrarySummary>> ListAsync(CancellationToken ct)
    {
        var street = await GradingScope.StreetIdAsync(db, user, ct);
        var rows = await db.IndicatorLibraries.AsNoTracking().Include(l => l.Indicators).Where(l => l.StreetId == street).ToListAsync(ct);
        return rows.OrderByDescending(l => l.Year).ThenByDescending(l => l.Version)
            .Select(l => new LibrarySummary(l.Id, l.Year, l.Version, l.Status, l.Indicators.Count, l.BasicSum, l.AdoptedAt)).ToList();
    }

    public async Task<Result<LibraryDto>> GetAsync(int id, CancellationToken ct) =>
        await FindAsync(id, ct) is { } library ? Dto(library) : Error.NotFound("Entity.IndicatorLibrary");

    public async Task<Result<LibraryDto>> CreateAsync(CreateRequest request, CancellationToken ct)
    {
        if (request.Year is < 2000 or > 2100)
        {
            return new ValidationError([new("year", "Grading.YearRange")]);
        }
        var street = await GradingScope.StreetIdAsync(db, user, ct);
        if (street is not { } streetId)
        {
            return Error.NotFound("Entity.Unit");
        }
        IndicatorLibrary? source;
        if (request.CopyFromId is { } from)
        {
            if (await FindAsync(from, ct) is not { } found)
            {
                return Error.NotFound("Entity.IndicatorLibrary");
            }
            source = found;
        }
        else
        {
            source = await db.IndicatorLibraries.Include(l => l.Indicators)
                .Where(l => l.StreetId == streetId && l.Status == LibraryStatus.Adopted && l.Year <= request.Year)
                .OrderByDescending(l => l.Year).ThenByDescending(l => l.Version).FirstOrDefaultAsync(ct);
        }
        var version = 1 + (await db.IndicatorLibraries.Where(l => l.StreetId == streetId && l.Year == request.Year).MaxAsync(l => (int?)l.Version, ct) ?? 0);
        var now = clock.GetUtcNow().UtcDateTime;
        var library = source?.CopyAs(request.Year, version, By, now) ?? new IndicatorLibrary(streetId, request.Year, version, By, now);
        db.IndicatorLibraries.Add(library);
        await db.SaveChangesAsync(ct);
        return Dto(library);
    }

    public async Task<Result<LibraryDto>> ReplaceAsync(int id, IReadOnlyList<IndicatorInput> indicators, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } library)
        {
            return Error.NotFound("Entity.IndicatorLibrary");
        }
        if (library.WhyNotEditable() is { } why)
        {
            return Error.Conflict(why);
        }
        var problems = indicators.SelectMany(Validate).ToList();
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        library.Replace(indicators.Select((i, n) => new Indicator(n + 1, i.Category!.Trim(), i.Item!.Trim(), (i.Content ?? "").Trim(),
            i.IsVeto ? 0 : i.FullScore, (i.Criteria ?? "").Trim(), i.EvidenceRequired, i.IsVeto, i.IsVeto ? IndicatorKind.Deduction : i.Kind,
            string.IsNullOrWhiteSpace(i.AutoSource) ? null : i.AutoSource.Trim())));
        await db.SaveChangesAsync(ct);
        return Dto(library);
    }

    public async Task<Result<LibraryDto>> AdoptAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } library)
        {
            return Error.NotFound("Entity.IndicatorLibrary");
        }
        if (library.WhyNotAdoptable() is { } why)
        {
            return Error.Conflict(why, library.BasicSum);
        }
        library.Adopt(By, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return Dto(library);
    }

    private static IEnumerable<FieldProblem> Validate(IndicatorInput input, int index)
    {
        var at = $"indicators[{index}]";
        if (string.IsNullOrWhiteSpace(input.Category) || input.Category.Trim().Length > Indicator.MaxCategory)
        {
            yield return new($"{at}.category", "Grading.CategoryRequired", Indicator.MaxCategory);
        }
        if (string.IsNullOrWhiteSpace(input.Item) || input.Item.Trim().Length > Indicator.MaxItem)
        {
            yield return new($"{at}.item", "Grading.ItemRequired", Indicator.MaxItem);
        }
        if ((input.Content?.Length ?? 0) > Indicator.MaxText || (input.Criteria?.Length ?? 0) > Indicator.MaxText)
        {
            yield return new($"{at}.criteria", "Grading.TextTooLong", Indicator.MaxText);
        }
        if (!input.IsVeto && (input.FullScore <= 0 || input.FullScore > IndicatorLibrary.BasicTotal || decimal.Round(input.FullScore, 2) != input.FullScore))
        {
            yield return new($"{at}.fullScore", "Grading.FullScoreRange", IndicatorLibrary.BasicTotal);
        }
        if ((input.AutoSource?.Length ?? 0) > Indicator.MaxSource)
        {
            yield return new($"{at}.autoSource", "Grading.TextTooLong", Indicator.MaxSource);
        }
    }

    private async Task<IndicatorLibrary?> FindAsync(int id, CancellationToken ct)
    {
        var street = await GradingScope.StreetIdAsync(db, user, ct);
        return await db.IndicatorLibraries.Include(l => l.Indicators).FirstOrDefaultAsync(l => l.Id == id && l.StreetId == street, ct);
    }

    private string By => user.UserName ?? "";

    public static IndicatorDto Dto(Indicator i) =>
        new(i.Id, i.SortOrder, i.Category, i.Item, i.Content, i.FullScore, i.Criteria, i.EvidenceRequired, i.IsVeto, i.Kind, i.AutoSource);

    private static LibraryDto Dto(IndicatorLibrary l) =>
        new(l.Id, l.Year, l.Version, l.Status, l.BasicSum, l.AdoptedAt, l.Indicators.OrderBy(i => i.SortOrder).Select(Dto).ToList());
}

/// <summary>Which street a caller grades in: the street of their unit (a street admin's own street; the street above a
/// community or branch).</summary>
public static class GradingScope
{
    public static async Task<int?> StreetIdAsync(JishiDbContext db, CurrentUser user, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        if (scope == "/")
        {
            // The whole tree (the command line): the first street.
            return await db.Units.Where(u => u.Kind == UnitKind.Street).OrderBy(u => u.Id).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        }
        return Unit.IdsOf(scope) is [var street, ..] ? street : null;
    }

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
