using System.Security.Cryptography;
using Jishi.Web.Data;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Reviews;

/// <summary>POST /api/reviews/{id}/tokens: one-time tokens for a voter group, shown in clear only in this answer.</summary>
public sealed class IssueTokens(JishiDbContext db, ReviewQueries queries)
{
    public const int MaxPerRequest = 1000;

    public sealed record Request(int VoterGroupId, int Count);

    public sealed record Response(IReadOnlyList<string> Tokens);

    public async Task<Result<Response>> HandleAsync(int id, Request r, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } campaign || campaign.VoterGroups.All(g => g.Id != r.VoterGroupId))
        {
            return Error.NotFound("Entity.Review");
        }
        if (r.Count is < 1 or > MaxPerRequest)
        {
            return new ValidationError([new FieldProblem("count", "Review.TokenCountRange", MaxPerRequest)]);
        }
        if (!campaign.AcceptsTokens)
        {
            return ReviewErrors.WrongState(campaign.Status, "Review.Action.IssueTokens");
        }
        var tokens = Enumerable.Range(0, r.Count).Select(_ => BallotToken.NewToken()).ToList();
        // Each table in an order of its own: neither a token row's number nor a check's tells its place on the printed sheet.
        db.BallotTokens.AddRange(Shuffled(tokens).Select(t => new BallotToken(campaign.Id, r.VoterGroupId, BallotToken.HashOf(campaign.TokenKey!, t))));
        db.BallotCodeChecks.AddRange(Shuffled(tokens).Select(t => new BallotCodeCheck(campaign.Id, t)));
        await db.SaveChangesAsync(ct);
        return new Response(tokens);
    }

    private static string[] Shuffled(IReadOnlyList<string> tokens)
    {
        var copy = tokens.ToArray();
        RandomNumberGenerator.Shuffle(copy.AsSpan());
        return copy;
    }
}
