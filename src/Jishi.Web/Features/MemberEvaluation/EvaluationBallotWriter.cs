using System.Globalization;
using System.Text;
using Jishi.Web.Data;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.MemberEvaluation;

/// <summary>Stores 民主评议 ballots by group commit (<see cref="GroupCommitWriter{TItem,TResult}"/>): in one transaction per
/// batch it spends the tokens with one conditional update and adds the grades to the participants' running counts. A ballot
/// is answered only after its transaction committed, and a token spent once, whatever the concurrency. No ballot row is
/// kept: the counts are the result, and nothing links a token to its grades.</summary>
public sealed class EvaluationBallotWriter(IServiceScopeFactory scopes, ILogger<EvaluationBallotWriter> log)
    : GroupCommitWriter<EvaluationBallotWriter.Pending, Error?>(log)
{
    public sealed record Pending(long TokenId, int RoundId, IReadOnlyDictionary<int, MemberGrade> Grades);

    /// <summary>Null when stored, else why not (token used, or voting closed meanwhile).</summary>
    public Task<Error?> WriteAsync(Pending ballot, CancellationToken ct) => EnqueueAsync(ballot, ct);

    protected override async Task<Error?[]> CommitAsync(List<Pending> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JishiDbContext>();
        return await RetryLostRacesAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var outcomes = new Error?[batch.Count];
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // The round may have closed since the request read it; this check, inside the transaction, is the one that counts.
            var roundIds = batch.Select(p => p.RoundId).Distinct().ToList();
            var open = await db.EvaluationRounds.Where(r => roundIds.Contains(r.Id) && r.Status == EvaluationStatus.Voting).Select(r => r.Id).ToListAsync(ct);
            var spent = await OneTimeTokens.SpendAsync(db, "EvaluationTokens", batch.Where(p => open.Contains(p.RoundId)).Select(p => p.TokenId).Distinct().ToList(), ct);
            var counted = new List<Pending>(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                // Remove: of two submissions of one token in the same batch, only the first counts.
                outcomes[i] = !open.Contains(batch[i].RoundId) ? EvaluationErrors.NotOpen
                    : !spent.Remove(batch[i].TokenId) ? EvaluationErrors.TokenUsed
                    : null;
                if (outcomes[i] is null)
                {
                    counted.Add(batch[i]);
                }
            }
            await CountAsync(db, counted, ct);
            await tx.CommitAsync(ct);
            return outcomes;
        }, batch.Count);
    }

    /// <summary>Adds the batch's grades to the participants' counts in one UPDATE … FROM (VALUES …).</summary>
    private static async Task CountAsync(JishiDbContext db, List<Pending> counted, CancellationToken ct)
    {
        var rows = counted.SelectMany(b => b.Grades).GroupBy(g => g.Key)
            .Select(g => new object[] { g.Key }.Concat(Enum.GetValues<MemberGrade>().Select(grade => (object)g.Count(x => x.Value == grade))).ToArray())
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }
        var sql = new StringBuilder("UPDATE \"EvaluationParticipants\" SET ")
            .Append("\"Excellent\" = \"EvaluationParticipants\".\"Excellent\" + v.column2, ")
            .Append("\"Qualified\" = \"EvaluationParticipants\".\"Qualified\" + v.column3, ")
            .Append("\"BasicallyQualified\" = \"EvaluationParticipants\".\"BasicallyQualified\" + v.column4, ")
            .Append("\"Unqualified\" = \"EvaluationParticipants\".\"Unqualified\" + v.column5 FROM (VALUES ");
        var args = new List<object>(rows.Count * 5);
        foreach (var row in rows)
        {
            var p = args.Count;
            sql.Append(p == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"({{{p}}}, {{{p + 1}}}, {{{p + 2}}}, {{{p + 3}}}, {{{p + 4}}})");
            args.AddRange(row);
        }
        sql.Append(") AS v WHERE \"EvaluationParticipants\".\"Id\" = v.column1");
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
    }
}
