using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Reviews;

/// <summary>Paper ballots, keyed twice by two different staff members and cast only when two keyings agree exactly
/// (ADR-006). A keying is first stored as a <see cref="PaperEntry"/>, then compared with the others of its token: the
/// order store-then-compare means that of two keyings arriving together at least one sees the other, so an agreeing
/// pair is never left waiting. The ballot itself goes through <see cref="CastBallot"/>, exactly as from a phone.</summary>
public sealed class EnterPaperBallot(JishiDbContext db, ReviewQueries queries, CastBallot ballots, CurrentUser user)
{
    public enum EntryStatus
    {
        AwaitingSecondEntry,
        Accepted,
    }

    public sealed record Request(string? Token, IReadOnlyList<CastBallot.Rating>? Ratings);

    public sealed record Response(EntryStatus Status, string? Receipt = null);

    /// <summary>Tokens with one keying waiting for its second, and tokens whose keyings disagree. Never the ratings: the
    /// second keying must be made from the paper, not from the first.</summary>
    public sealed record Backlog(int AwaitingSecondEntry, int Conflicts);

    public static readonly Error SameUser = Error.Conflict("Paper.SameUser");

    public async Task<Result<Response>> HandleAsync(int id, Request request, CancellationToken ct)
    {
        if (await FindAsync(id, request.Token, ct) is not { } found)
        {
            return ReviewErrors.UnknownToken;
        }
        var (token, campaign) = found;
        if ((CastBallot.Refusal(token, campaign) ?? CastBallot.Validate(campaign, request.Ratings ?? [])) is { } refused)
        {
            return refused;
        }
        var ratings = CastBallot.ParseRatings(request.Ratings!);
        var by = user.UserName ?? "";
        if (await db.PaperEntries.AnyAsync(e => e.TokenId == token.Id && e.EnteredBy == by, ct))
        {
            return SameUser;
        }
        var mine = new PaperEntry(campaign.Id, token.Id, by, ratings);
        db.PaperEntries.Add(mine);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index (token, user): the same person's keying arrived twice at once.
            return SameUser;
        }

        var others = await db.PaperEntries.AsNoTracking().Where(e => e.TokenId == token.Id && e.Id != mine.Id).ToListAsync(ct);
        var refusal = await db.BallotTokens.AnyAsync(t => t.Id == token.Id && t.Used, ct) ? ReviewErrors.TokenUsed : null;
        if (refusal is null && others.Any(e => e.Ratings == mine.Ratings))
        {
            var cast = await ballots.CastAsync(token, campaign, ratings, ct);
            if (cast.IsSuccess)
            {
                return new Response(EntryStatus.Accepted, cast.Value!.Receipt);
            }
            refusal = cast.Error;
        }
        if (refusal is not null)
        {
            // Spent meanwhile (by a phone, or by the other keying of this very pair), or voting closed: no keying
            // outlives the chance of its ballot.
            await db.PaperEntries.Where(e => e.Id == mine.Id).ExecuteDeleteAsync(ct);
            return refusal;
        }
        if (others.Count > 0)
        {
            var keyed = mine.Decode();
            var differing = campaign.Subjects.OrderBy(s => s.Id)
                .Where(s => others.Any(o => o.Decode().Any(r => r.Key.SubjectId == s.Id && keyed.GetValueOrDefault(r.Key) != r.Value)))
                .Select(s => s.Name);
            return Error.Conflict("Paper.Disagree", string.Join("、", differing));
        }
        return new Response(EntryStatus.AwaitingSecondEntry);
    }

    public async Task<Result<Backlog>> BacklogAsync(int id, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is null)
        {
            return Error.NotFound("Entity.Review");
        }
        var perToken = await db.PaperEntries.Where(e => e.CampaignId == id).GroupBy(e => e.TokenId).Select(g => g.Count()).ToListAsync(ct);
        return new Backlog(perToken.Count(n => n == 1), perToken.Count(n => n > 1));
    }

    /// <summary>Discards every keying of a token, so that it can be keyed afresh from the paper.</summary>
    public async Task<Result<int>> DiscardAsync(int id, string token, CancellationToken ct)
    {
        if (await FindAsync(id, token, ct) is not { } found)
        {
            return ReviewErrors.UnknownToken;
        }
        return await db.PaperEntries.Where(e => e.TokenId == found.Token.Id).ExecuteDeleteAsync(ct);
    }

    /// <summary>The token and its campaign, when the token belongs to campaign <paramref name="id"/> and the caller sees it.</summary>
    private async Task<(BallotToken Token, ReviewCampaign Campaign)?> FindAsync(int id, string? token, CancellationToken ct) =>
        await queries.FindAsync(id, ct) is not null && await ballots.FindAsync(Compact(token), ct) is { } found && found.Campaign.Id == id
            ? (found.Token, found.Campaign)
            : null;

    /// <summary>The code as printed is grouped in fours ("ABCD EFGH JKLM"); it may be keyed with or without the gaps.</summary>
    private static string Compact(string? token) => string.Concat((token ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-'));
}
