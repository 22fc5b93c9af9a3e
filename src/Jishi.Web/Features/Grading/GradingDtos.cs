namespace Jishi.Web.Features.Grading;

public sealed record IndicatorDto(int Id, int SortOrder, string Category, string Item, string Content, decimal FullScore, string Criteria,
    bool EvidenceRequired, bool IsVeto, IndicatorKind Kind, string? AutoSource);

public sealed record LibrarySummary(int Id, int Year, int Version, LibraryStatus Status, int IndicatorCount, decimal BasicSum, DateTime? AdoptedAt);

public sealed record LibraryDto(int Id, int Year, int Version, LibraryStatus Status, decimal BasicSum, DateTime? AdoptedAt, IReadOnlyList<IndicatorDto> Indicators);

public sealed record RoundSummary(int Id, int Year, RoundStatus Status, DateOnly SelfEvaluationDeadline, DateOnly? PostedOn, DateOnly? PostingEndsOn,
    int Branches, int Submitted, int Decided);

/// <summary>A branch's line in a round: where its grading stands and, once posted, its grade; <see cref="LastYear"/> is the
/// same branch in the street's previous published round.</summary>
public sealed record BranchLine(int GradingId, int UnitId, string UnitName, string CommunityName, BranchStatus Status, decimal? EvaluationScore,
    decimal? Total, int? Rank, int? Stars, GradeCategory? Category, bool Rectify, bool Vetoed, PreviousGrade? LastYear, int Year);

public sealed record PreviousGrade(int Year, decimal Total, int Stars, GradeCategory Category);

public sealed record RoundDto(int Id, int Year, int LibraryId, RoundStatus Status, DateOnly SelfEvaluationDeadline, int PostingDays,
    GradingSettings Settings, DateOnly? PostedOn, DateOnly? PostingEndsOn, DateTime? FinalizedAt, int OpenObjections, IReadOnlyList<BranchLine> Branches);

public sealed record StageScore(decimal Score, bool VetoHit, string? Note, string By, DateTime At);

public sealed record EvidenceDto(int Id, int IndicatorId, string FileName, string ContentType, long Size, string UploadedBy, DateTime UploadedAt);

public sealed record SheetLine(IndicatorDto Indicator, StageScore? Self, StageScore? Community, StageScore? Street, decimal? Score, bool VetoHit,
    IReadOnlyList<EvidenceDto> Evidence);

/// <summary>One branch's scoring sheet, with what the caller may do with it now.</summary>
public sealed record BranchSheet(int GradingId, int RoundId, int Year, RoundStatus RoundStatus, DateOnly SelfEvaluationDeadline, int UnitId,
    string UnitName, string CommunityName, BranchStatus Status, string? ReviewNote, decimal? EvaluationScore, decimal Basic, decimal Deductions,
    bool Vetoed, decimal? Total, int? Stars, GradeCategory? Category, bool Rectify, bool CanSelfEvaluate, bool CanReview, bool CanDecide,
    IReadOnlyList<SheetLine> Lines);

public sealed record BenchmarkLine(int IndicatorId, string Category, string Item, IndicatorKind Kind, decimal FullScore, decimal? Own, decimal? Best,
    decimal? Median);

/// <summary>对标一流: a branch's indicators next to the street's best branch (highest total) and the street median.</summary>
public sealed record Benchmark(int GradingId, string UnitName, decimal OwnTotal, int BestGradingId, string BestUnitName, decimal BestTotal,
    IReadOnlyList<BenchmarkLine> Lines);

public sealed record PostingLine(int GradingId, string UnitName, string CommunityName, decimal Total, int Stars, GradeCategory Category, bool Rectify);

/// <summary>The public 公示: branches and their grades, nothing about people.</summary>
public sealed record PostingDto(int RoundId, int Year, string StreetName, RoundStatus Status, DateOnly PostedOn, DateOnly PostingEndsOn, bool TakesObjections,
    IReadOnlyList<PostingLine> Branches);

public sealed record ObjectionDto(int Id, int GradingId, string UnitName, string Name, string Phone, string Text, string? UserName, DateTime RaisedAt,
    string? Answer, string? AnsweredBy, DateTime? AnsweredAt);
