using System.Linq.Expressions;
using Jishi.Web.Data;
using Jishi.Web.Features.Points;

namespace Jishi.Web.Features.Pledges;

public sealed record PledgeItemDto(int Position, string Text, string Target);

public sealed record PledgeDto(int Id, int MemberId, string MemberName, int UnitId, string UnitName, int Year, PledgeStatus Status,
    IReadOnlyList<PledgeItemDto> Items, string CreatedBy, DateTime CreatedAt, DateTime? PublishedAt, string? Outcome, string? ClosedBy,
    DateTime? ClosedAt, string? Grade, string? GradeComment, string? RatedBy, DateTime? RatedAt, long? EntryId, EntryStatus? EntryStatus,
    decimal? EntryPoints);

/// <summary>One line of the public board: the member's name and items only (no ID number, phone or address).</summary>
public sealed record BoardPledge(string MemberName, string UnitName, PledgeStatus Status, IReadOnlyList<PledgeItemDto> Items);

public sealed record PledgeBoard(string UnitName, int Year, IReadOnlyList<BoardPledge> Pledges);

public static class PledgeDtoMapping
{
    /// <summary>The pledge with its member's name and unit, projected in the query; the award's entry is added after
    /// (<see cref="PledgeQueries"/>).</summary>
    public static Expression<Func<Pledge, PledgeDto>> AsDto(JishiDbContext db) => p => new PledgeDto(
        p.Id, p.MemberId, db.Members.Where(m => m.Id == p.MemberId).Select(m => m.Name).First(),
        db.Members.Where(m => m.Id == p.MemberId).Select(m => m.UnitId).First(),
        db.Members.Where(m => m.Id == p.MemberId).Select(m => m.Unit!.Name).First(),
        p.Year, p.Status, p.Items.OrderBy(i => i.Position).Select(i => new PledgeItemDto(i.Position, i.Text, i.Target)).ToList(),
        p.CreatedBy, p.CreatedAt, p.PublishedAt, p.Outcome, p.ClosedBy, p.ClosedAt, p.Grade, p.GradeComment, p.RatedBy, p.RatedAt,
        null, null, null);
}
