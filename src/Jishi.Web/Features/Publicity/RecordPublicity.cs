using Jishi.Web.Data;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Publicity;

/// <summary>A 宣传报道 item recorded by the secretary of its unit (a community or a branch) or the street, and the report
/// itself attached. Crediting members posts each one the level's points rule once (source key
/// publicity:{id}:member:{memberId}).</summary>
public sealed class RecordPublicity(JishiDbContext db, CurrentUser user, TimeProvider clock, PointsLedger ledger,
    IStringLocalizer<SharedResource> text, PublicityQueries queries)
{
    public sealed record CreateRequest(int UnitId, string? Title, string? Outlet, OutletLevel? Level, DateOnly? PublishedOn, string? Link,
        IReadOnlyList<int>? MemberIds = null);

    public async Task<Result<PublicityItemDto>> CreateAsync(CreateRequest request, CancellationToken ct)
    {
        if (await db.FindVisibleUnitAsync(user, request.UnitId, ct) is not { Kind: UnitKind.Community or UnitKind.Branch } unit)
        {
            return Error.NotFound("Entity.Unit");
        }
        var problems = Validate(request);
        var memberIds = (request.MemberIds ?? []).Distinct().ToList();
        var scope = await user.ScopePathAsync(ct);
        if (memberIds.Count > 0 && await db.Members.Within(scope).CountAsync(m => memberIds.Contains(m.Id), ct) != memberIds.Count)
        {
            problems.Add(new("memberIds", "Publicity.MemberUnknown"));
        }
        if (problems.Count > 0)
        {
            return new ValidationError(problems);
        }
        var item = new PublicityItem(unit.Id, request.Title!, request.Outlet!, request.Level!.Value, request.PublishedOn!.Value, request.Link,
            memberIds, user.UserName ?? "system", clock.GetUtcNow().UtcDateTime);
        db.PublicityItems.Add(item);
        await db.SaveChangesAsync(ct);
        await AwardAsync(item, ct);
        return await queries.DtoAsync(item.Id, ct);
    }

    /// <summary>Attaches the report itself (a PDF or a picture), replacing an earlier file.</summary>
    public async Task<Result<PublicityItemDto>> AttachAsync(int id, UploadedFile upload, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { IsRemoved: false } item)
        {
            return Error.NotFound("Publicity.Entity");
        }
        var checkedFile = await upload.CheckAsync(FileKinds.Publications, ct);
        if (checkedFile.Error is { } refused)
        {
            return refused;
        }
        var (name, type, content) = checkedFile.Value!;
        item.AttachFile(name, type, content);
        await db.SaveChangesAsync(ct);
        return await queries.DtoAsync(id, ct);
    }

    /// <summary>Posts each credited member's award; the source key makes a repeat post nothing.</summary>
    private async Task AwardAsync(PublicityItem item, CancellationToken ct)
    {
        var note = text["Publicity.AwardNote", item.Outlet, item.Title].Value;
        note = note.Length > PointsLedger.MaxNote ? note[..PointsLedger.MaxNote] : note;
        foreach (var credit in item.Credits)
        {
            await ledger.AwardForSourceAsync(new PointsLedger.AwardRequest(credit.MemberId, PublicityWeights.RuleCodeOf(item.Level), 1,
                item.PublishedOn, note, PublicityItem.SourceKeyOf(item.Id, credit.MemberId), item.Link ?? item.Title), ct);
        }
    }

    private List<FieldProblem> Validate(CreateRequest r)
    {
        var problems = new List<FieldProblem>();
        void Required(string field, string? value, int max)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add(new(field, "Publicity.Required"));
            }
            else if (value.Trim().Length > max)
            {
                problems.Add(new(field, "Text.TooLong", max));
            }
        }
        Required("title", r.Title, PublicityItem.MaxTitle);
        Required("outlet", r.Outlet, PublicityItem.MaxOutlet);
        if (r.Level is null || !Enum.IsDefined(r.Level.Value))
        {
            problems.Add(new("level", "Publicity.LevelRequired"));
        }
        if (r.PublishedOn is not { } on || on > DateOnly.FromDateTime(clock.GetLocalNow().DateTime) || on.Year < 2000)
        {
            problems.Add(new("publishedOn", "Publicity.DateRange"));
        }
        if (r.Link?.Trim() is { Length: > 0 } link && (link.Length > PublicityItem.MaxLink
            || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            problems.Add(new("link", "Publicity.LinkInvalid"));
        }
        return problems;
    }
}
