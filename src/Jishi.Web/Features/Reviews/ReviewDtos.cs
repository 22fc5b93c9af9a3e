namespace Jishi.Web.Features.Reviews;

public sealed record ReviewListItem(int Id, string Title, int Year, ReviewStatus Status);

public sealed record ReviewSubjectDto(int Id, string Name, int UnitId, string UnitName, double? DailyScore = null, bool Veto = false,
    string? Comment = null);

public sealed record VoterGroupDto(int Id, string Name, double Weight, int HeadCount);

public sealed record ReviewDimensionDto(int Id, string Name);

/// <param name="Dimensions">The items each subject is rated on, in order; empty when a ballot gives one overall grade.</param>
/// <summary>What a campaign allows now (<see cref="ReviewCampaign.Actions"/>): the next step's action key, whether its
/// settings (subjects, groups, dimensions, trustees) may change, whether daily scores, 点评 and vetoes may, whether
/// results exist, whether codes may be issued.</summary>
public sealed record ReviewActions(string? Next, bool CanEdit, bool CanAssess, bool HasResults, bool AcceptsTokens);

public sealed record ReviewDto(int Id, string Title, int Year, DateOnly MeetingDate, ReviewStatus Status, double BallotWeight,
    IReadOnlyList<ReviewSubjectDto> Subjects, IReadOnlyList<VoterGroupDto> VoterGroups, IReadOnlyList<ReviewDimensionDto> Dimensions)
{
    /// <summary>What one ballot rates, in order: each subject once, or with dimensions each subject × dimension
    /// (Dimension null: the overall grade).</summary>
    public IEnumerable<(ReviewSubjectDto Subject, ReviewDimensionDto? Dimension)> RatingRows() =>
        Subjects.SelectMany(s => Dimensions.Count == 0
            ? [(s, (ReviewDimensionDto?)null)]
            : Dimensions.Select(d => (s, (ReviewDimensionDto?)d)));

    /// <summary>The people who hold the shares of the ballot key (ADR-015); empty when the server holds it.</summary>
    public IReadOnlyList<TrusteeDto> Trustees { get; init; } = [];

    /// <summary>True when no person holds a share: whoever reads the server during the meeting could open the ballots.</summary>
    public bool ServerHoldsKey { get; init; }

    public ReviewActions Actions { get; init; } = new(null, false, false, false, false);
}

public sealed record TrusteeDto(int Id, string Name);

public sealed record TurnoutGroup(int VoterGroupId, string Name, int Issued, int Cast);

public sealed record Turnout(int Issued, int Cast, IReadOnlyList<TurnoutGroup> Groups);

public sealed record LiveTurnout(ReviewStatus Status, Turnout Turnout);

/// <summary>One subject's result. The API.md fields come first; <see cref="Groups"/> (per voter group, under the
/// fewer-than-5-ballots rule) and <see cref="FavourableRate"/> (好评率, 0–1, null without ratings) are additions.</summary>
/// <param name="Counts">How many ratings of each grade the subject received: one per ballot, or, when the campaign rates
/// dimensions, one per ballot and dimension (a ballot of five dimensions counts five times).</param>
public sealed record SubjectResult(int SubjectId, string Name, IReadOnlyDictionary<string, int> Counts, double BallotScore,
    double? DailyScore, double CompositeScore, bool Provisional, string Band, int Rank)
{
    public IReadOnlyList<GroupResult> Groups { get; init; } = [];

    public double? FavourableRate { get; init; }
}

/// <summary>A voter group's part in a subject's result. When <see cref="BrokenOut"/> is false (the group cast fewer than
/// <see cref="ReviewScoring.MinBallotsToBreakOut"/> ballots) the numbers are null: shown as 不足5票，不单列.</summary>
public sealed record GroupResult(int VoterGroupId, string Name, bool BrokenOut, int? Ballots, IReadOnlyDictionary<string, int>? Counts,
    double? Mean);

public sealed record ReviewReport(ReviewDto Review, Turnout Turnout, IReadOnlyList<SubjectResult>? Results);
