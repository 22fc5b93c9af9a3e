using Jishi.Web.Features.Points;

namespace Jishi.Web.Features.Publicity;

/// <summary>A credited member and the ledger entry the credit posted (none while the award failed, e.g. no rule for the tier).</summary>
public sealed record PublicityCreditDto(int MemberId, string Name, long? EntryId, decimal? Points, EntryStatus? EntryStatus);

public sealed record PublicityItemDto(int Id, int UnitId, string UnitName, string Title, string Outlet, OutletLevel Level, decimal Weight,
    DateOnly PublishedOn, string? Link, string? FileName, IReadOnlyList<PublicityCreditDto> Credits, string CreatedBy, DateTime CreatedAt,
    DateTime? RemovedAt, string? RemovedReason);

/// <summary>One community's line of the ranking: reports per level, their number and their weighted count.</summary>
public sealed record PublicityRank(int Rank, int UnitId, string UnitName, int District, int City, int Province, int National, int Total,
    decimal Weighted);
