using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Reviews;

public enum ReviewStatus
{
    Draft = 0,
    Open = 1,
    Closed = 2,
    Published = 3,
}

/// <summary>One year's 述职评议 of secretaries. It moves Draft → Open → Closed → Published only through
/// <see cref="Open"/>, <see cref="Close"/> and <see cref="Publish"/>; ballots are accepted only while Open. Its subjects,
/// voter groups and dimensions change only in Draft, its subjects' assessment only until it is published.</summary>
public sealed class ReviewCampaign
{
    private readonly List<ReviewSubject> _subjects = [];
    private readonly List<VoterGroup> _voterGroups = [];
    private readonly List<ReviewDimension> _dimensions = [];

    private ReviewCampaign() { }

    public ReviewCampaign(int streetId, string title, int year, DateOnly meetingDate, double ballotWeight = 0.4, ReviewScale? scale = null)
    {
        if (ballotWeight is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ballotWeight));
        }
        if (scale is not null && !scale.IsValid)
        {
            throw new ArgumentOutOfRangeException(nameof(scale));
        }
        Scale = scale ?? new ReviewScale();
        StreetId = streetId;
        Title = title.Trim();
        Year = year;
        MeetingDate = meetingDate;
        BallotWeight = ballotWeight;
        TokenKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
    }

    public int Id { get; private set; }
    public int StreetId { get; private set; }
    public string Title { get; private set; } = "";
    public int Year { get; private set; }
    public DateOnly MeetingDate { get; private set; }
    public ReviewStatus Status { get; private set; }

    /// <summary>The share of the ballot in the composite score (default 40 %; the rest is the daily assessment).</summary>
    public double BallotWeight { get; private set; } = 0.4;

    public ReviewScale Scale { get; private set; } = new();

    public IReadOnlyList<ReviewSubject> Subjects => _subjects;

    /// <summary>The people who hold the shares of the ballot key (or the server's own share when none are named).</summary>
    public List<ReviewTrustee> Trustees { get; private set; } = [];

    /// <summary>The key of the HMAC that names token rows (<see cref="BallotToken.HashOf(byte[], string)"/>): while it lives a
    /// printed code finds its row; it is destroyed at the close, so no copy of the database taken after can tie a code to
    /// the commit that spent it (ADR-015).</summary>
    public byte[]? TokenKey { get; private set; }

    /// <summary>The joint public key the ballots are sealed to, the sum of the trustees' public shares; set when voting opens.</summary>
    public byte[]? BallotKey { get; private set; }
    public IReadOnlyList<VoterGroup> VoterGroups => _voterGroups;

    /// <summary>The items each subject is rated on, in order; empty for the default single overall rating.</summary>
    public IReadOnlyList<ReviewDimension> Dimensions => _dimensions;

    /// <summary>The dimension ids a ballot must rate for every subject: the campaign's dimensions, or
    /// <see cref="ReviewDimension.Overall"/> alone.</summary>
    public IReadOnlyList<int> RatedDimensionIds =>
        Dimensions.Count == 0 ? [ReviewDimension.Overall] : Dimensions.OrderBy(d => d.Order).Select(d => d.Id).ToList();

    /// <summary>Replaces the dimensions (names trimmed, blanks dropped; an empty list means one overall rating). Only in
    /// Draft: once voting opens, ballots refer to them. A dimension whose name stays keeps its id.</summary>
    public Error? SetDimensions(IEnumerable<string?> names)
    {
        if (Status != ReviewStatus.Draft)
        {
            return ReviewErrors.WrongState(Status, "Dimension.Action.Set");
        }
        var wanted = names.Select(n => n?.Trim()).Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).ToList();
        if (DimensionProblem(wanted) is { } problem)
        {
            return new ValidationError([problem]);
        }
        _dimensions.RemoveAll(d => !wanted.Contains(d.Name));
        for (var i = 0; i < wanted.Count; i++)
        {
            if (_dimensions.FirstOrDefault(d => d.Name == wanted[i]) is { } kept)
            {
                kept.Order = i;
            }
            else
            {
                _dimensions.Add(new ReviewDimension(wanted[i], i));
            }
        }
        return null;
    }

    /// <summary>Why these (trimmed, non-blank) dimension names cannot be used, or null.</summary>
    public static FieldProblem? DimensionProblem(IReadOnlyList<string> names) =>
        names.Count > ReviewDimension.MaxCount ? new("dimensions", "Dimension.TooMany", ReviewDimension.MaxCount)
        : names.FirstOrDefault(n => n.Length > ReviewDimension.MaxNameLength) is { } tooLong
            ? new("dimensions", "Dimension.NameTooLong", tooLong, ReviewDimension.MaxNameLength)
        : names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1) is { } twice ? new("dimensions", "Dimension.Duplicate", twice.Key)
        : null;

    public const int MaxTitleLength = 200;

    /// <summary>Why this title cannot be used, or null.</summary>
    public static FieldProblem? TitleProblem(string? title) =>
        string.IsNullOrWhiteSpace(title) || title.Trim().Length > MaxTitleLength ? new("title", "Review.TitleInvalid") : null;

    /// <summary>Why this share of the ballot cannot be used, or null (none given: the default).</summary>
    public static FieldProblem? BallotWeightProblem(double? ballotWeight) =>
        ballotWeight is { } w && !(w is >= 0 and <= 1) ? new("ballotWeight", "Review.BallotWeightInvalid") : null;

    /// <summary>Why these voter groups cannot be a campaign's, or null: at least one, each valid (<see cref="VoterGroup.IsValid"/>).</summary>
    public static FieldProblem? VoterGroupsProblem(IReadOnlyCollection<(string? Name, double Weight, int HeadCount)>? groups) =>
        groups is not { Count: > 0 } || groups.Any(g => !VoterGroup.IsValid(g.Name, g.Weight, g.HeadCount)) ? GroupsInvalid : null;

    public static readonly FieldProblem MeetingDateRequired = new("meetingDate", "ReviewDraft.MeetingDateRequired");

    private static readonly FieldProblem GroupsInvalid = new("voterGroups", "Review.VoterGroupsInvalid");

    /// <summary>Subjects, voter groups, title, date and weights are set while the campaign is prepared: tallies are
    /// created for them when voting opens.</summary>
    private Error? DraftOnly(string action) => Status == ReviewStatus.Draft ? null : ReviewErrors.WrongState(Status, action);

    public Result<ReviewSubject> AddSubject(Unit unit, string secretaryName)
    {
        if (DraftOnly("ReviewDraft.Action.AddSubject") is { } refused)
        {
            return refused;
        }
        var subject = new ReviewSubject(unit.Id, secretaryName);
        _subjects.Add(subject);
        return subject;
    }

    public Error? Rename(string title)
    {
        if (DraftOnly(EditAction) is { } refused)
        {
            return refused;
        }
        if (TitleProblem(title) is { } problem)
        {
            return new ValidationError([problem]);
        }
        Title = title.Trim();
        return null;
    }

    public Error? Reschedule(DateOnly meetingDate)
    {
        if (DraftOnly(EditAction) is { } refused)
        {
            return refused;
        }
        MeetingDate = meetingDate;
        return null;
    }

    public Error? ChangeBallotWeight(double ballotWeight)
    {
        if (DraftOnly(EditAction) is { } refused)
        {
            return refused;
        }
        if (BallotWeightProblem(ballotWeight) is { } problem)
        {
            return new ValidationError([problem]);
        }
        BallotWeight = ballotWeight;
        return null;
    }

    public Result<VoterGroup> AddVoterGroup(string name, double weight, int headCount)
    {
        if (DraftOnly(EditAction) is { } refused)
        {
            return refused;
        }
        if (!VoterGroup.IsValid(name, weight, headCount))
        {
            return new ValidationError([GroupsInvalid]);
        }
        var group = new VoterGroup(name, weight, headCount);
        _voterGroups.Add(group);
        return group;
    }

    /// <summary>Renames a voter group or changes its weight or head count; its tokens stay valid.</summary>
    public Error? ChangeVoterGroup(VoterGroup group, string name, double weight, int headCount)
    {
        if (DraftOnly(EditAction) is { } refused)
        {
            return refused;
        }
        if (!VoterGroups.Contains(group))
        {
            return Error.NotFound("ReviewDraft.VoterGroup");
        }
        if (!VoterGroup.IsValid(name, weight, headCount))
        {
            return new ValidationError([GroupsInvalid]);
        }
        group.Change(name, weight, headCount);
        return null;
    }

    /// <summary>Removes a voter group, unless tokens have been issued for it (a printed code would lose its group) or it
    /// is the last one.</summary>
    public Error? RemoveVoterGroup(VoterGroup group, bool hasTokens)
    {
        if (DraftOnly(EditAction) is { } refused)
        {
            return refused;
        }
        if (!VoterGroups.Contains(group))
        {
            return Error.NotFound("ReviewDraft.VoterGroup");
        }
        if (hasTokens)
        {
            return Error.Conflict("ReviewDraft.GroupHasTokens", group.Name);
        }
        if (VoterGroups.Count == 1)
        {
            return new ValidationError([GroupsInvalid]);
        }
        _voterGroups.Remove(group);
        return null;
    }

    /// <summary>The whole of a draft's settings at once, as its edit form gives them: all of it or, on any refusal, none.
    /// A group with an <see cref="VoterGroupEdit.Id"/> is changed, one without is added, one left out is removed.</summary>
    /// <param name="groupsWithTokens">The ids of this campaign's groups that tokens have been issued for.</param>
    public Error? Revise(string? title, DateOnly? meetingDate, double? ballotWeight, IReadOnlyList<VoterGroupEdit>? groups,
        IReadOnlySet<int> groupsWithTokens)
    {
        if (DraftOnly(EditAction) is { } refused)
        {
            return refused;
        }
        var wanted = groups ?? [];
        var kept = wanted.Where(g => g.Id is not null).Select(g => g.Id!.Value).ToList();
        FieldProblem?[] checks =
        [
            TitleProblem(title),
            meetingDate is null ? MeetingDateRequired : null,
            BallotWeightProblem(ballotWeight),
            VoterGroupsProblem(wanted.Select(g => (g.Name, g.Weight, g.HeadCount)).ToList()),
            kept.Distinct().Count() != kept.Count || kept.Any(id => VoterGroups.All(g => g.Id != id))
                ? new("voterGroups", "ReviewDraft.UnknownGroup") : null,
        ];
        if (checks.OfType<FieldProblem>().ToList() is { Count: > 0 } problems)
        {
            return new ValidationError(problems);
        }
        var removed = VoterGroups.Where(g => !kept.Contains(g.Id)).ToList();
        if (removed.FirstOrDefault(g => groupsWithTokens.Contains(g.Id)) is { } issued)
        {
            return Error.Conflict("ReviewDraft.GroupHasTokens", issued.Name);
        }
        var error = Rename(title!) ?? Reschedule(meetingDate!.Value) ?? ChangeBallotWeight(ballotWeight ?? BallotWeight);
        // Added before the others are removed, so the campaign never has no group.
        foreach (var g in wanted)
        {
            error ??= g.Id is { } id
                ? ChangeVoterGroup(VoterGroups.First(v => v.Id == id), g.Name!, g.Weight, g.HeadCount)
                : AddVoterGroup(g.Name!, g.Weight, g.HeadCount).Error;
        }
        foreach (var g in removed)
        {
            error ??= RemoveVoterGroup(g, hasTokens: false);
        }
        return error;
    }

    private const string EditAction = "ReviewDraft.Action.Edit";

    public const string DailyScoreAction = "Review.Action.DailyScore";

    /// <summary>Daily scores, vetoes and comments are the committee's assessment of its subjects: entered while the
    /// campaign is prepared, runs and is counted, fixed once the results are published.</summary>
    public Error? WhyNotAssess(string action) => Status == ReviewStatus.Published ? ReviewErrors.WrongState(Status, action) : null;

    private static readonly Error UnknownSubject = Error.NotFound("Entity.ReviewSubject");

    /// <summary>Enters daily-assessment scores, all of them or, on any refusal, none.</summary>
    public Error? SetDailyScores(IReadOnlyCollection<(ReviewSubject Subject, double Score)> scores) =>
        Assess(DailyScoreAction, scores.Select(s => s.Subject),
            scores.Select(s => ReviewSubject.DailyScoreProblem(s.Score)).OfType<FieldProblem>().FirstOrDefault(), () =>
            {
                foreach (var (subject, score) in scores)
                {
                    subject.SetDailyScore(score);
                }
            });

    public Error? SetDailyScore(ReviewSubject subject, double score) => SetDailyScores([(subject, score)]);

    /// <summary>An automatic 差 for a veto item (e.g. a major incident): the band follows, the scores stay as counted.</summary>
    public Error? SetVeto(ReviewSubject subject, bool veto) => Assess("Review.Action.Veto", [subject], null, () => subject.SetVeto(veto));

    /// <summary>点评: written during or after the meeting (trimmed, blank for none), fixed once the results are published.</summary>
    public Error? SetComment(ReviewSubject subject, string? text) =>
        Assess("Review.Action.Comment", [subject], ReviewSubject.CommentProblem(text), () => subject.SetComment(text));

    /// <summary>Applies <paramref name="change"/> unless the campaign is published, a subject is not its own or
    /// <paramref name="problem"/> is set, refused in that order.</summary>
    private Error? Assess(string action, IEnumerable<ReviewSubject> subjects, FieldProblem? problem, Action change)
    {
        if (WhyNotAssess(action) is { } refused)
        {
            return refused;
        }
        if (subjects.Any(s => !_subjects.Contains(s)))
        {
            return UnknownSubject;
        }
        if (problem is not null)
        {
            return new ValidationError([problem]);
        }
        change();
        return null;
    }

    public bool AcceptsBallots => Status == ReviewStatus.Open;

    /// <summary>Tokens may be issued while the campaign is being prepared or is running.</summary>
    public bool AcceptsTokens => Status is ReviewStatus.Draft or ReviewStatus.Open;

    /// <summary>Names a trustee with the public share made for them (Draft only; the proof has been checked by the caller).</summary>
    public Error? AddTrustee(string? name, byte[] publicShare)
    {
        if (Status != ReviewStatus.Draft)
        {
            return ReviewErrors.WrongState(Status, "Sealing.Action.AddTrustee");
        }
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > ReviewTrustee.MaxNameLength)
        {
            return new ValidationError([new FieldProblem("name", "Sealing.TrusteeName", ReviewTrustee.MaxNameLength)]);
        }
        if (Trustees.Count >= MaxTrustees)
        {
            return new ValidationError([new FieldProblem("name", "Sealing.TooManyTrustees", MaxTrustees)]);
        }
        if (Trustees.Any(t => t.Name == trimmed))
        {
            return new ValidationError([new FieldProblem("name", "Sealing.TrusteeTwice", trimmed)]);
        }
        Trustees.Add(new ReviewTrustee(trimmed, publicShare, null));
        return null;
    }

    public const int MaxTrustees = 5;

    /// <summary>Removes a trustee before voting opens (their printed share is then worthless).</summary>
    public Error? RemoveTrustee(int trusteeId)
    {
        if (Status != ReviewStatus.Draft)
        {
            return ReviewErrors.WrongState(Status, "Sealing.Action.RemoveTrustee");
        }
        return Trustees.RemoveAll(t => t.Id == trusteeId) == 0 ? Error.NotFound("Entity.Trustee") : null;
    }

    /// <summary>True when no person holds a share: the server keeps the key until the tally (weaker; the page says so).</summary>
    public bool ServerHoldsKey => Trustees.Count == 0 || Trustees.All(t => t.IsServer);

    /// <summary>Opens voting with the joint key of the trustees' public shares (<paramref name="jointKey"/> adds them).
    /// Without trustees the server's own share is used (<paramref name="serverShare"/>: public share and secret text).</summary>
    public Error? Open(Func<IReadOnlyList<byte[]>, byte[]> jointKey, (byte[] Public, string Secret)? serverShare = null)
    {
        if (Status != ReviewStatus.Draft)
        {
            return ReviewErrors.WrongState(Status, "Review.Action.Open");
        }
        if (Subjects.Count == 0 || VoterGroups.Count == 0)
        {
            return Error.Conflict("Review.NothingToOpen");
        }
        if (Trustees.Count == 0)
        {
            if (serverShare is not { } own)
            {
                return Error.Conflict("Sealing.NoKey");
            }
            Trustees.Add(new ReviewTrustee("", own.Public, own.Secret));
        }
        BallotKey = jointKey(Trustees.Select(t => t.PublicShare).ToList());
        Status = ReviewStatus.Open;
        return null;
    }

    /// <summary>Stops voting and destroys the token key: from now on no printed code finds its row.</summary>
    public Error? Close()
    {
        if (Status != ReviewStatus.Open)
        {
            return ReviewErrors.WrongState(Status, "Review.Action.Close");
        }
        Status = ReviewStatus.Closed;
        TokenKey = null;
        return null;
    }

    /// <summary>After the sums are decrypted: the server's own share (if any) is destroyed with the plaintext it could open.</summary>
    public void Tallied()
    {
        foreach (var t in Trustees)
        {
            t.DestroySecret();
        }
    }

    public Error? Publish()
    {
        if (Status != ReviewStatus.Closed)
        {
            return ReviewErrors.WrongState(Status, "Review.Action.Publish");
        }
        Status = ReviewStatus.Published;
        return null;
    }

    public bool HasResults => Status is ReviewStatus.Closed or ReviewStatus.Published;

    /// <summary>The step the campaign takes next (as the action its refusals name): open a draft, close a running
    /// campaign, publish a counted one; none once published.</summary>
    public string? NextAction => Status switch
    {
        ReviewStatus.Draft => "Review.Action.Open",
        ReviewStatus.Open => "Review.Action.Close",
        ReviewStatus.Closed => "Review.Action.Publish",
        _ => null,
    };

    /// <summary>What the campaign allows now, for the screens (they do not re-derive it from the status).</summary>
    public ReviewActions Actions => new(NextAction, DraftOnly(EditAction) is null, WhyNotAssess(DailyScoreAction) is null, HasResults,
        AcceptsTokens);
}
