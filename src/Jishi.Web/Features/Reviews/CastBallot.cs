using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Jishi.Web.Features.Reviews.Sealing;
using Microsoft.Extensions.Caching.Memory;

namespace Jishi.Web.Features.Reviews;

/// <summary>The public ballot: the form behind a token, and casting it. One token, one ballot, enforced by the database:
/// the token is spent by a conditional update in the same transaction that stores the ballot (<see cref="BallotWriter"/>),
/// so of two concurrent submissions exactly one succeeds, and a crash leaves either both or neither.
/// An open campaign's form is cached for a few seconds: its subjects cannot change once voting has opened, and a close in
/// the meantime is caught by the writer, which checks the state again inside its transaction.</summary>
public sealed class CastBallot(JishiDbContext db, TimeProvider clock, BallotWriter writer, IMemoryCache cache)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);

    /// <summary>A campaign as the ballot needs it: subjects in order, with their units' names, and the key ballots are
    /// sealed to once voting is open (its comb table is built once per campaign and cache period).</summary>
    private sealed record CampaignForm(ReviewCampaign Campaign, IReadOnlyList<BallotSubject> Subjects, JointKey? Key);

    /// <summary>The token keys of the campaigns whose codes still work (Draft and Open).</summary>
    private sealed record TokenKeys(IReadOnlyList<byte[]> Keys);

    public sealed record BallotSubject(int Id, string Name, string UnitName);

    public sealed record BallotDimension(int Id, string Name);

    /// <param name="Dimensions">The items each subject is rated on; empty when each gets one overall grade.</param>
    public sealed record Form(int ReviewId, string Title, IReadOnlyList<BallotSubject> Subjects, IReadOnlyList<string> Grades,
        IReadOnlyList<BallotDimension> Dimensions);

    /// <param name="DimensionId">The dimension rated: required when the campaign has dimensions, absent otherwise.</param>
    public sealed record Rating(int SubjectId, string Grade, int? DimensionId = null);

    public sealed record Request(IReadOnlyList<Rating>? Ratings);

    public sealed record BallotReceipt(string Receipt);

    public async Task<Result<Form>> GetFormAsync(string token, CancellationToken ct)
    {
        if (await FindAsync(token, ct) is not { } found)
        {
            return await NotFoundAsync(token, ct);
        }
        if (Refusal(found.Token, found.Campaign) is { } refused)
        {
            return refused;
        }
        return new Form(found.Campaign.Id, found.Campaign.Title, found.Subjects, Grades.Names,
            found.Campaign.Dimensions.OrderBy(d => d.Order).Select(d => new BallotDimension(d.Id, d.Name)).ToList());
    }

    public async Task<Result<BallotReceipt>> HandleAsync(string token, Request request, CancellationToken ct)
    {
        if (await FindAsync(token, ct) is not { } found)
        {
            return await NotFoundAsync(token, ct);
        }
        var (spent, campaign, _) = found;
        if ((Refusal(spent, campaign) ?? Validate(campaign, request.Ratings ?? [])) is { } refused)
        {
            return refused;
        }
        return await CastAsync(spent, campaign, ParseRatings(request.Ratings!), ct);
    }

    /// <summary>Why the token cannot vote now (used, or the campaign not open), or null when it can.</summary>
    internal static Error? Refusal(BallotToken token, ReviewCampaign campaign) =>
        token.Used ? ReviewErrors.TokenUsed : !campaign.AcceptsBallots ? ReviewErrors.NotOpen : null;

    /// <summary>Stores checked ratings as the ballot of <paramref name="token"/>: the one path by which phone and paper
    /// ballots enter the count.</summary>
    internal async Task<Result<BallotReceipt>> CastAsync(BallotToken token, ReviewCampaign campaign,
        IReadOnlyList<(int SubjectId, int DimensionId, Grade Grade)> ratings, CancellationToken ct)
    {
        if (!cache.TryGetValue(CacheKey(campaign.Id), out CampaignForm? form) || form?.Key is null)
        {
            form = await LoadAsync(campaign.Id, ct);
        }
        if (form.Key is null)
        {
            return ReviewErrors.NotOpen;
        }
        // Sealed here, in memory: what reaches the writer, the disk, the log and the backups is ciphertext (ADR-015).
        var ballot = new Ballot(campaign.Id, token.VoterGroupId, DateOnly.FromDateTime(clock.GetLocalNow().DateTime),
            SealedBallot.Seal(campaign, form.Key, ratings));
        if (await writer.WriteAsync(token.Id, campaign.Id, ballot, ct) is { } refused)
        {
            return refused;
        }
        return new BallotReceipt(ballot.Receipt);
    }

    /// <summary>Ratings that passed <see cref="Validate"/>, with their grades parsed; a rating without a dimension is the
    /// subject's overall grade.</summary>
    internal static List<(int SubjectId, int DimensionId, Grade Grade)> ParseRatings(IEnumerable<Rating> ratings) =>
        ratings.Select(r => (r.SubjectId, r.DimensionId ?? ReviewDimension.Overall, Grades.TryParse(r.Grade, out var g) ? g : Grade.Poor)).ToList();

    /// <summary>Exactly one known grade for every subject, and with dimensions for every subject × dimension.</summary>
    internal static ValidationError? Validate(ReviewCampaign campaign, IReadOnlyList<Rating> ratings)
    {
        var problems = new List<FieldProblem>();
        var subjectIds = campaign.Subjects.Select(s => s.Id).ToHashSet();
        var dimensions = campaign.Dimensions.ToDictionary(d => d.Id, d => d.Name);
        foreach (var r in ratings)
        {
            if (!subjectIds.Contains(r.SubjectId))
            {
                problems.Add(new("ratings", "Review.UnknownSubject", r.SubjectId));
            }
            if (!Grades.TryParse(r.Grade, out _))
            {
                problems.Add(new("ratings", "Review.UnknownGrade", r.Grade ?? ""));
            }
            if (dimensions.Count == 0 && r.DimensionId is not null)
            {
                problems.Add(new("ratings", "Dimension.NotExpected", r.DimensionId));
            }
            else if (dimensions.Count > 0 && (r.DimensionId is not { } d || !dimensions.ContainsKey(d)))
            {
                problems.Add(new("ratings", "Dimension.Unknown", r.DimensionId?.ToString() ?? ""));
            }
        }
        foreach (var dup in ratings.GroupBy(r => (r.SubjectId, r.DimensionId)).Where(g => g.Count() > 1))
        {
            problems.Add(dup.Key.DimensionId is { } d && dimensions.TryGetValue(d, out var name)
                ? new("ratings", "Dimension.DuplicateRating", dup.Key.SubjectId, name)
                : new("ratings", "Review.DuplicateSubject", dup.Key.SubjectId));
        }
        var missing = dimensions.Count == 0
            ? campaign.Subjects.Where(s => ratings.All(r => r.SubjectId != s.Id)).Select(s => s.Name).ToList()
            : (from s in campaign.Subjects
               from d in campaign.Dimensions.OrderBy(d => d.Order)
               where !ratings.Any(r => r.SubjectId == s.Id && r.DimensionId == d.Id)
               select $"{s.Name}（{d.Name}）").ToList();
        if (missing.Count > 0)
        {
            problems.Add(new("ratings", "Review.MissingSubjects", string.Join("、", missing)));
        }
        return problems.Count == 0 ? null : new ValidationError(problems);
    }

    internal async Task<(BallotToken Token, ReviewCampaign Campaign, IReadOnlyList<BallotSubject> Subjects)?> FindAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64)
        {
            return null;
        }
        var found = await TokenAsync(token, fresh: false, ct) ?? await TokenAsync(token, fresh: true, ct);
        if (found is null)
        {
            return null;
        }
        var key = CacheKey(found.CampaignId);
        if (!cache.TryGetValue(key, out CampaignForm? form) || form is null)
        {
            form = await LoadAsync(found.CampaignId, ct);
            if (form.Campaign.AcceptsBallots)
            {
                cache.Set(key, form, CacheFor);
            }
        }
        return (found, form.Campaign, form.Subjects);
    }

    /// <summary>Why a code finds no live token: its campaign has closed (409, the code's <see cref="BallotCodeCheck"/>), or it is
    /// unknown (404).</summary>
    private async Task<Error> NotFoundAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64)
        {
            return ReviewErrors.UnknownToken;
        }
        var check = BallotCodeCheck.CheckOf(token);
        return await db.BallotCodeChecks.AnyAsync(c => c.Check == check, ct) ? ReviewErrors.NotOpen : ReviewErrors.UnknownToken;
    }

    /// <summary>The token's row, looked up by its HMAC under each live campaign's token key (a handful). The keys are cached
    /// for a moment; a miss looks again with fresh keys, so a campaign created a second ago is found.</summary>
    private async Task<BallotToken?> TokenAsync(string token, bool fresh, CancellationToken ct)
    {
        if (fresh || !cache.TryGetValue(nameof(TokenKeys), out TokenKeys? keys) || keys is null)
        {
            keys = new TokenKeys(await db.ReviewCampaigns.AsNoTracking().Where(c => c.TokenKey != null).Select(c => c.TokenKey!).ToListAsync(ct));
            cache.Set(nameof(TokenKeys), keys, CacheFor);
        }
        if (keys.Keys.Count == 0)
        {
            return null;
        }
        var hashes = keys.Keys.Select(k => BallotToken.HashOf(k, token)).ToList();
        return await db.BallotTokens.AsNoTracking().FirstOrDefaultAsync(t => hashes.Contains(t.Hash), ct);
    }

    private static (string, int) CacheKey(int campaignId) => (nameof(CampaignForm), campaignId);

    public static void Forget(IMemoryCache cache, int campaignId) => cache.Remove(CacheKey(campaignId));

    private async Task<CampaignForm> LoadAsync(int campaignId, CancellationToken ct)
    {
        var campaign = await db.ReviewCampaigns.AsNoTracking().Include(c => c.Subjects).Include(c => c.Dimensions).AsSplitQuery().FirstAsync(c => c.Id == campaignId, ct);
        var unitIds = campaign.Subjects.Select(s => s.UnitId).ToList();
        var names = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return new CampaignForm(campaign, campaign.Subjects.OrderBy(s => s.Id)
            .Select(s => new BallotSubject(s.Id, s.Name, names.GetValueOrDefault(s.UnitId, ""))).ToList(),
            campaign.AcceptsBallots && campaign.BallotKey is { } key ? JointKey.FromBytes(key) : null);
    }
}
