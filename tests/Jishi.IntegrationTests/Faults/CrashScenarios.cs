using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Jishi.Web.Features.Points;
using Jishi.Web.Features.Reviews;

namespace Jishi.IntegrationTests.Faults;

/// <summary>What the database holds after a crash, for the requests a scenario sent: how many were acknowledged (answered
/// 2xx), how many of those are stored, and how many stored writes are half applied. <see cref="Problems"/> names each
/// missing or half-applied write.</summary>
public sealed record CrashFindings(string Scenario, int Acknowledged, int Found, int HalfApplied, IReadOnlyList<string> Problems)
{
    public int Missing => Acknowledged - Found;

    public override string ToString() =>
        $"{Scenario}: {Acknowledged} acknowledged, {Found} found, {Missing} missing, {HalfApplied} half-applied"
        + (Problems.Count == 0 ? "" : "\n  " + string.Join("\n  ", Problems.Take(20)));
}

/// <summary>One write scenario of the crash tests (tests/…/Faults/CrashTests.cs) and of bench/crash, which links this
/// file: it prepares what its requests need, sends request number i (always the same request for the same i, so that a
/// request the crash left unanswered can be sent again), remembers what each 2xx answer acknowledged, and checks the
/// database against it in plain SQL after the restart.</summary>
public abstract class CrashScenario
{
    /// <summary>Acknowledged writes: the request's key (token, source key, request id) and what the answer named.</summary>
    protected ConcurrentDictionary<string, string> Acknowledged { get; } = new();

    /// <summary>Tells the writes of this run from the demo's and from earlier runs on the same database.</summary>
    protected string Run { get; } = Guid.NewGuid().ToString("N")[..8];

    public abstract string Name { get; }

    /// <summary>Whether a request sent again after the crash may be refused because its first sending was stored without
    /// an answer (a spent ballot code answers 409); awards and redemptions are idempotent and answer the first write.</summary>
    public virtual bool RetryMayConflict => false;

    /// <summary>Whether requests go without an account (the public ballot).</summary>
    public virtual bool Anonymous => false;

    /// <summary>Creates what <paramref name="requests"/> requests need, through the API as the admin.</summary>
    public abstract Task PrepareAsync(HttpClient admin, int requests);

    /// <summary>Sends request <paramref name="i"/> and, on a 2xx answer, remembers what it acknowledged.</summary>
    public abstract Task<HttpStatusCode> SendAsync(HttpClient client, int i);

    /// <summary>The writes acknowledged so far (key → what the answer named).</summary>
    public IReadOnlyDictionary<string, string> AcknowledgedSoFar() => new Dictionary<string, string>(Acknowledged);

    /// <summary>Checks the database against <paramref name="acknowledged"/> (every write acknowledged so far unless told):
    /// each must be stored as answered, and nothing of the scenario may be half applied.</summary>
    public Task<CrashFindings> CheckAsync(DbConnection db, IReadOnlyDictionary<string, string>? acknowledged = null) =>
        CheckAgainstAsync(db, acknowledged ?? AcknowledgedSoFar());

    protected abstract Task<CrashFindings> CheckAgainstAsync(DbConnection db, IReadOnlyDictionary<string, string> acknowledged);

    protected static async Task<List<object?[]>> QueryAsync(DbConnection db, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var c = 0; c < row.Length; c++)
            {
                row[c] = reader.IsDBNull(c) ? null : reader.GetValue(c);
            }
            rows.Add(row);
        }
        return rows;
    }

    protected static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    /// <summary>The acknowledged writes whose stored counterpart (key → id) is missing or names another id.</summary>
    protected static List<string> Unmatched(IReadOnlyDictionary<string, string> acknowledged, IReadOnlyDictionary<string, string> stored, string what) =>
        acknowledged.Where(a => !stored.TryGetValue(a.Key, out var id) || id != a.Value)
            .Select(a => $"{what} {a.Key} acknowledged as {a.Value}, stored: {(stored.TryGetValue(a.Key, out var id) ? id : "nothing")}").ToList();

    protected static async Task<List<T>> MembersAsync<T>(HttpClient admin, int count)
    {
        var page = await admin.GetFromJsonAsync<Page<T>>("/api/members?pageSize=500&status=Active");
        return page!.Items.Take(count).ToList();
    }

    protected sealed record Page<T>(List<T> Items, int Total);

    protected sealed record MemberRow(int Id);
}

/// <summary>Anonymous ballots of the 9 demo communities through <c>POST /api/ballots/{code}</c>. A stored ballot must have
/// every rating, its code must be spent, the running tallies must equal the ratings, and as many codes are spent as
/// ballots exist in each voter group.</summary>
public sealed class BallotCrash : CrashScenario
{
    private static readonly string[] Grades = ["好", "较好", "一般", "差"];
    private readonly List<string> _tokens = [];
    private Review? _review;

    public override string Name => "ballots";
    public override bool Anonymous => true;
    public override bool RetryMayConflict => true;

    public override async Task PrepareAsync(HttpClient admin, int requests)
    {
        if (_review is null)
        {
            var units = (await admin.GetFromJsonAsync<List<UnitRow>>("/api/units"))!;
            var answer = await admin.PostAsJsonAsync("/api/reviews", new
            {
                title = $"崩溃测试评议 {Run}", year = 2016, meetingDate = "2016-02-13",
                subjects = units.Where(u => u.Kind == "Community").Take(9).Select(u => new { unitId = u.Id }),
                voterGroups = new[] { "街道党工委成员", "社区两委成员", "各站所负责人", "社区干部" }
                    .Select(name => new { name, weight = 0.25, headCount = 100_000 }),
                ballotWeight = 0.4,
            });
            _review = await answer.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<Review>();
            (await admin.PostAsync($"/api/reviews/{_review!.Id}/open", null)).EnsureSuccessStatusCode();
        }
        // A hundred codes a group in turn, so that every group gets ballots and the per-group check counts something.
        while (_tokens.Count < requests)
        {
            var group = _review.VoterGroups[_tokens.Count / 100 % _review.VoterGroups.Count];
            var answer = await admin.PostAsJsonAsync($"/api/reviews/{_review.Id}/tokens",
                new { voterGroupId = group.Id, count = Math.Min(100, requests - _tokens.Count) });
            _tokens.AddRange((await answer.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<TokenList>())!.Tokens);
        }
    }

    public override async Task<HttpStatusCode> SendAsync(HttpClient client, int i)
    {
        var random = new Random(i);
        var ballot = new { ratings = _review!.Subjects.Select(s => new { subjectId = s.Id, grade = Grades[random.Next(Grades.Length)] }) };
        using var response = await client.PostAsJsonAsync($"/api/ballots/{_tokens[i]}", ballot);
        if (response.IsSuccessStatusCode)
        {
            Acknowledged[_tokens[i]] = (await response.Content.ReadFromJsonAsync<CastAnswer>())!.Receipt;
        }
        return response.StatusCode;
    }

    protected override async Task<CrashFindings> CheckAgainstAsync(DbConnection db, IReadOnlyDictionary<string, string> acknowledged)
    {
        var campaign = ("c", (object)_review!.Id);
        var receipts = (await QueryAsync(db, "SELECT \"Receipt\" FROM \"SealedBallots\" WHERE \"CampaignId\" = @c", campaign)).Select(r => Text(r[0])).ToHashSet();
        var spent = (await QueryAsync(db, "SELECT \"Hash\" FROM \"BallotTokens\" WHERE \"CampaignId\" = @c AND \"Used\"", campaign))
            .Select(r => Text(r[0])).ToHashSet();
        // Token rows are named by an HMAC under the campaign's token key, which lives while voting is open (ADR-015).
        var key = (byte[])(await QueryAsync(db, "SELECT \"TokenKey\" FROM \"ReviewCampaigns\" WHERE \"Id\" = @c", campaign))[0][0]!;
        var problems = acknowledged.Where(a => !receipts.Contains(a.Value) || !spent.Contains(BallotToken.HashOf(key, a.Key)))
            .Select(a => $"ballot of code {a.Key} acknowledged with receipt {a.Value}: receipt stored {receipts.Contains(a.Value)}, code spent {spent.Contains(BallotToken.HashOf(key, a.Key))}")
            .ToList();
        var found = acknowledged.Count - problems.Count;
        var partial = await QueryAsync(db, """
            SELECT b."Receipt", LENGTH(b."Sealed") FROM "SealedBallots" b WHERE b."CampaignId" = @c AND LENGTH(b."Sealed") <> @n
            """, campaign, ("n", _review.Subjects.Count * SealedBallot.ChoiceLength));
        problems.AddRange(partial.Select(r => $"ballot {Text(r[0])} has {Text(r[1])} bytes, not {_review.Subjects.Count} sealed ratings"));
        var tallies = await QueryAsync(db, "SELECT COUNT(*) FROM \"BallotTallies\" WHERE \"CampaignId\" = @c", campaign);
        if (Text(tallies[0][0]) != "0")
        {
            problems.Add($"{Text(tallies[0][0])} tallies while voting is open: nothing may count up before the close");
        }
        var groups = await QueryAsync(db, """
            SELECT g."Id",
                (SELECT COUNT(*) FROM "BallotTokens" k WHERE k."VoterGroupId" = g."Id" AND k."Used"),
                (SELECT COUNT(*) FROM "SealedBallots" b WHERE b."VoterGroupId" = g."Id")
            FROM "VoterGroups" g WHERE g."CampaignId" = @c
            """, campaign);
        problems.AddRange(groups.Where(g => Text(g[1]) != Text(g[2]))
            .Select(g => $"voter group {Text(g[0])}: {Text(g[1])} codes spent, {Text(g[2])} ballots"));
        return new CrashFindings(Name, acknowledged.Count, found, problems.Count - (acknowledged.Count - found), problems);
    }

    private sealed record UnitRow(int Id, string Kind);
    private sealed record Item(int Id);
    private sealed record Review(int Id, List<Item> Subjects, List<Item> VoterGroups);
    private sealed record TokenList(List<string> Tokens);
    private sealed record CastAnswer(string Receipt);
}

/// <summary>Single awards through <c>POST /api/points/entries</c>, each with its own source key, to 50 members. Every
/// acknowledged key must be in the ledger with the id answered, and every balance row must equal its ledger (as
/// <c>verify-ledger</c> also checks).</summary>
public sealed class AwardCrash : CrashScenario
{
    private List<MemberRow> _members = [];

    public override string Name => "awards";

    public override async Task PrepareAsync(HttpClient admin, int requests)
    {
        if (_members.Count == 0)
        {
            _members = await MembersAsync<MemberRow>(admin, 50);
        }
    }

    public override async Task<HttpStatusCode> SendAsync(HttpClient client, int i)
    {
        var key = $"crash:{Run}:{i}";
        using var response = await client.PostAsJsonAsync("/api/points/entries", new
        {
            memberId = _members[i % _members.Count].Id, ruleCode = RuleCodes.PublicityDistrict, quantity = 1,
            note = "崩溃测试", sourceKey = key,
        });
        if (response.IsSuccessStatusCode)
        {
            Acknowledged[key] = Text((await response.Content.ReadFromJsonAsync<Entry>())!.Id);
        }
        return response.StatusCode;
    }

    protected override async Task<CrashFindings> CheckAgainstAsync(DbConnection db, IReadOnlyDictionary<string, string> acknowledged)
    {
        var stored = (await QueryAsync(db, "SELECT \"SourceKey\", \"Id\" FROM \"LedgerEntries\" WHERE \"SourceKey\" LIKE @k", ("k", $"crash:{Run}:%")))
            .ToDictionary(r => Text(r[0]), r => Text(r[1]));
        var problems = Unmatched(acknowledged, stored, "award");
        var found = acknowledged.Count - problems.Count;
        problems.AddRange(await BalanceProblemsAsync(db));
        return new CrashFindings(Name, acknowledged.Count, found, problems.Count - (acknowledged.Count - found), problems);
    }

    /// <summary>Balance rows of the ledger's members that differ from their approved entries, and member-years with approved
    /// points but no balance row: an entry stored without its effect, or the reverse.</summary>
    internal static async Task<List<string>> BalanceProblemsAsync(DbConnection db)
    {
        var rows = await QueryAsync(db, """
            SELECT e."MemberId", e."Year", SUM(e."Granted"), MAX(p."Earned")
            FROM "LedgerEntries" e LEFT JOIN "MemberPoints" p ON p."MemberId" = e."MemberId" AND p."Year" = e."Year"
            WHERE e."Status" = 'Approved'
            GROUP BY e."MemberId", e."Year"
            HAVING MAX(p."Earned") IS NULL OR SUM(e."Granted") <> MAX(p."Earned")
            """);
        return rows.Select(r => $"member {Text(r[0])} in {Text(r[1])}: ledger {Text(r[2])}, balance {(r[3] is null ? "missing" : Text(r[3]))} (hundredths)").ToList();
    }

    private sealed record Entry(long Id);
}

/// <summary>Redemptions of one point's goods through <c>POST /api/shops/{shopId}/redemptions</c> by 50 members given the
/// points first. Every acknowledged request id must be stored as the redemption answered; a redemption must have its lines,
/// each line its stock movement, the goods' stock must equal its movements, and each balance's redeemed points the
/// redemptions not cancelled (as <c>verify-ledger</c> also checks).</summary>
public sealed class RedemptionCrash : CrashScenario
{
    private List<MemberRow> _members = [];
    private int _shopId;
    private int _goodsId;
    private int _prepared;

    public override string Name => "redemptions";

    public override async Task PrepareAsync(HttpClient admin, int requests)
    {
        if (_members.Count == 0)
        {
            _members = await MembersAsync<MemberRow>(admin, 50);
            _shopId = (await admin.GetFromJsonAsync<List<Item>>("/api/shops"))![0].Id;
            var goods = await admin.PostAsJsonAsync($"/api/shops/{_shopId}/goods", new { name = $"崩溃测试毛巾 {Run}", pricePoints = 1 });
            _goodsId = (await goods.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<Item>())!.Id;
        }
        var more = requests - _prepared;
        if (more <= 0)
        {
            return;
        }
        (await admin.PostAsJsonAsync($"/api/shops/{_shopId}/goods/{_goodsId}/stock", new { kind = "Received", quantity = more, reason = "崩溃测试入库" }))
            .EnsureSuccessStatusCode();
        // Each member redeems every 50th request for one point; 宣传报道（区级） gives 2 points a piece, without caps or approval.
        // No date: the entries are dated the server process's today, on its own clock, the year its shop spends.
        var pieces = (more / _members.Count + 2) / 2 + 1;
        var round = _prepared;
        await Parallel.ForEachAsync(_members, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (member, ct) =>
            (await admin.PostAsJsonAsync("/api/points/entries", new
            {
                memberId = member.Id, ruleCode = RuleCodes.PublicityDistrict, quantity = pieces,
                note = "崩溃测试兑换积分", sourceKey = $"crash-points:{Run}:{round}:{member.Id}",
            }, ct)).EnsureSuccessStatusCode());
        _prepared = requests;
    }

    public override async Task<HttpStatusCode> SendAsync(HttpClient client, int i)
    {
        var requestId = $"crash:{Run}:{i}";
        using var response = await client.PostAsJsonAsync($"/api/shops/{_shopId}/redemptions", new
        {
            memberId = _members[i % _members.Count].Id, requestId, items = new[] { new { goodsId = _goodsId, quantity = 1 } },
        });
        if (response.IsSuccessStatusCode)
        {
            Acknowledged[requestId] = Text((await response.Content.ReadFromJsonAsync<Redeemed>())!.Id);
        }
        return response.StatusCode;
    }

    protected override async Task<CrashFindings> CheckAgainstAsync(DbConnection db, IReadOnlyDictionary<string, string> acknowledged)
    {
        var stored = (await QueryAsync(db, "SELECT \"RequestId\", \"Id\" FROM \"Redemptions\" WHERE \"RequestId\" LIKE @k", ("k", $"crash:{Run}:%")))
            .ToDictionary(r => Text(r[0]), r => Text(r[1]));
        var problems = Unmatched(acknowledged, stored, "redemption");
        var found = acknowledged.Count - problems.Count;
        problems.AddRange((await QueryAsync(db, """
            SELECT r."Id" FROM "Redemptions" r WHERE NOT EXISTS (SELECT 1 FROM "RedemptionLines" l WHERE l."RedemptionId" = r."Id")
            """)).Select(r => $"redemption {Text(r[0])} has no lines"));
        problems.AddRange((await QueryAsync(db, """
            SELECT l."RedemptionId", l."GoodsId" FROM "RedemptionLines" l
            WHERE NOT EXISTS (SELECT 1 FROM "StockMovements" m WHERE m."RedemptionId" = l."RedemptionId" AND m."GoodsId" = l."GoodsId" AND m."Quantity" = -l."Quantity")
            """)).Select(r => $"redemption {Text(r[0])} took goods {Text(r[1])} without a stock movement"));
        problems.AddRange((await QueryAsync(db, """
            SELECT g."Id", g."Stock", (SELECT COALESCE(SUM(m."Quantity"), 0) FROM "StockMovements" m WHERE m."GoodsId" = g."Id") FROM "Goods" g
            WHERE g."Stock" <> (SELECT COALESCE(SUM(m."Quantity"), 0) FROM "StockMovements" m WHERE m."GoodsId" = g."Id")
            """)).Select(r => $"goods {Text(r[0])}: stock {Text(r[1])}, movements {Text(r[2])}"));
        problems.AddRange((await QueryAsync(db, """
            SELECT p."MemberId", p."Year", p."Redeemed",
                (SELECT COALESCE(SUM(r."PointsSpent"), 0) FROM "Redemptions" r WHERE r."MemberId" = p."MemberId" AND r."Year" = p."Year" AND r."Status" <> 'Cancelled')
            FROM "MemberPoints" p
            WHERE p."Redeemed" <> (SELECT COALESCE(SUM(r."PointsSpent"), 0) FROM "Redemptions" r WHERE r."MemberId" = p."MemberId" AND r."Year" = p."Year" AND r."Status" <> 'Cancelled')
            """)).Select(r => $"member {Text(r[0])} in {Text(r[1])}: redeemed {Text(r[2])}, redemptions {Text(r[3])} (hundredths)"));
        return new CrashFindings(Name, acknowledged.Count, found, problems.Count - (acknowledged.Count - found), problems);
    }

    private sealed record Item(int Id);
    private sealed record Redeemed(long Id);
}
