using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Jishi.Bench;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Points;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

// Generates a city into a Release server's fresh SQLite database, or with the third argument "postgres" a fresh PostgreSQL
// database on the server named by JISHI_BENCH_POSTGRES (bench/points/run.sh starts a throwaway cluster) (SCALE 1: 40 streets × 10 communities × 5 branches,
// 200,000 members, 20,000,000 ledger entries over 3 years, balances computed from the ledger), runs verify-ledger, then
// times over HTTP a member's statement, street leaderboards and single awards, and in SQL the city-wide leaderboard and the
// year-end stars of every member (no HTTP caller sees the whole city: the tree's roots are streets).
var serverDll = Path.GetFullPath(args.Length > 0 ? args[0] : "src/Jishi.Web/bin/Release/net10.0/Jishi.Web.dll");
var scale = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 1.0;
var postgres = args.Length > 2 && args[2] == "postgres";
const int Streets = 40, CommunitiesPerStreet = 10, BranchesPerCommunity = 5;
var memberCount = (int)(200_000 * scale);
var entryTarget = (long)(20_000_000 * scale);
var today = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
int[] years = [today.Year - 2, today.Year - 1, today.Year];
var reportYear = today.Year - 1;
Console.WriteLine($"points bench on {(postgres ? "PostgreSQL" : "SQLite")}: scale {scale}, {memberCount:N0} members, {entryTarget:N0} entries in {Streets} streets, years {years[0]}–{years[^1]}; load average {BenchServer.LoadAverage()}");

var settings = new Dictionary<string, string> { ["Jishi__SeedDemo"] = "false" };
if (postgres)
{
    var cluster = Environment.GetEnvironmentVariable("JISHI_BENCH_POSTGRES")
        ?? throw new InvalidOperationException("JISHI_BENCH_POSTGRES names the PostgreSQL server (bench/points/run.sh SCALE --db postgres sets it).");
    settings["ConnectionStrings__Jishi"] = new NpgsqlConnectionStringBuilder(cluster) { Database = "jishi_bench", MaxPoolSize = 200 }.ConnectionString;
    settings["Database__Provider"] = "Postgres";
}
await using var server = await BenchServer.StartAsync(serverDll, settings);
var dbPath = Path.Combine(server.WorkFolder, "bench.db");
await using DbConnection db = postgres
    ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(settings["ConnectionStrings__Jishi"]) { CommandTimeout = 0 }.ConnectionString)
    : new SqliteConnection($"Data Source={dbPath}");
await db.OpenAsync();
if (!postgres)
{
    await Exec(db, "PRAGMA busy_timeout = 60000; PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;");
}
else
{
    // Bulk load: this connection's rows skip the foreign-key triggers (they are consistent by construction), which otherwise
    // look up the member, the rule set and the reversed entry for each of the 20 million rows. The server's writes keep them.
    await Exec(db, "SET session_replication_role = replica");
}

// Units: street 1 exists (the server created it for the admin); streets 2..40, communities and branches follow.
var watch = Stopwatch.StartNew();
var streetIds = new int[Streets];
var branchStreet = new List<(int Id, int Street)>();
// Rows go in by prepared INSERTs in plain BEGIN/COMMIT transactions on SQLite and by binary COPY on PostgreSQL (BulkRows).
{
    var nextId = (int)await Scalar(db, "SELECT MAX(\"Id\") FROM \"Units\"") + 1;
    var insert = await BulkRows.OpenAsync(db, "Units", "Id", "ParentId", "Kind", "Name", "Path", "SortOrder", "IsArchived");
    string Add(int id, int? parent, string kind, string name, string path, int sort)
    {
        insert.Add(id, parent, kind, name, path, sort, false);
        return path;
    }
    for (var s = 0; s < Streets; s++)
    {
        var streetPath = s == 0 ? "/1/" : Add(nextId, null, "Street", $"第{s + 1}街道党工委", $"/{nextId}/", s);
        streetIds[s] = s == 0 ? 1 : nextId++;
        for (var c = 0; c < CommunitiesPerStreet; c++)
        {
            var communityId = nextId++;
            var communityPath = Add(communityId, streetIds[s], "Community", $"第{s + 1}街道第{c + 1}社区党委", $"{streetPath}{communityId}/", c);
            for (var b = 0; b < BranchesPerCommunity; b++)
            {
                var branchId = nextId++;
                Add(branchId, communityId, "Branch", $"第{b + 1}党支部", $"{communityPath}{branchId}/", b);
                branchStreet.Add((branchId, s));
            }
        }
    }
    await insert.DisposeAsync();
    await SetSequenceAsync("Units");
}

// Members: consecutive blocks per branch, tiers mixed in every 30 members (在职 50 %, 离退休 30 %, 流动 10 %, 年老体弱 7 %,
// 社区干部 3 %), so that every street has every tier from SCALE 0.01 up.
static string TierOf(int i) => (i % 30) switch { < 15 => "在职", < 24 => "离退休", < 27 => "流动", < 29 => "年老体弱", _ => "社区干部" };
var memberIds = new int[memberCount];
var memberStreet = new int[memberCount];
{
    var nextId = (int)await Scalar(db, "SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Members\"") + 1;
    var insert = await BulkRows.OpenAsync(db, "Members", "Id", "Name", "Gender", "Category", "UnitId", "MembershipSuspended", "IsLost", "IsFloating", "Tier", "Status");
    for (var i = 0; i < memberCount; i++)
    {
        var (branch, street) = branchStreet[(int)((long)i * branchStreet.Count / memberCount)];
        memberIds[i] = nextId + i;
        memberStreet[i] = street;
        insert.Add(memberIds[i], $"党员{i:D6}", i % 3 == 0 ? "女" : "男", "Full", branch, false, false, TierOf(i) == "流动", TierOf(i), "Active");
    }
    await insert.DisposeAsync();
    await SetSequenceAsync("Members");
}
Console.WriteLine($"units {branchStreet.Count + Streets * (CommunitiesPerStreet + 1)} and members {memberCount:N0} in {watch.Elapsed.TotalSeconds:F1} s");

// One street administrator per street (a copy of admin's password hash and roles): the API scopes every caller to a street.
{
    await Exec(db, "BEGIN");
    for (var s = 0; s < Streets; s++)
    {
        var user = StreetUser(s);
        await Exec(db, "INSERT INTO \"AspNetUsers\" (\"DisplayName\", \"UnitId\", \"MustChangePassword\", \"UserName\", \"NormalizedUserName\", \"EmailConfirmed\", \"PasswordHash\", "
            + "\"SecurityStamp\", \"ConcurrencyStamp\", \"PhoneNumberConfirmed\", \"TwoFactorEnabled\", \"LockoutEnabled\", \"AccessFailedCount\") "
            + $"SELECT '街道管理员{s + 1}', {streetIds[s]}, FALSE, '{user}', '{user.ToUpperInvariant()}', FALSE, \"PasswordHash\", \"SecurityStamp\", \"ConcurrencyStamp\", FALSE, FALSE, \"LockoutEnabled\", 0 "
            + "FROM \"AspNetUsers\" WHERE \"UserName\" = 'admin'");
        await Exec(db, $"INSERT INTO \"AspNetUserRoles\" (\"UserId\", \"RoleId\") SELECT (SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"UserName\" = '{user}'), \"RoleId\" "
            + "FROM \"AspNetUserRoles\" WHERE \"UserId\" = (SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"UserName\" = 'admin')");
    }
    await Exec(db, "COMMIT");
}
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(5) };
var tokens = new string[Streets];
for (var s = 0; s < Streets; s++)
{
    var answer = await (await http.PostAsJsonAsync("/api/auth/token", new { userName = StreetUser(s), password = BenchServer.AdminPassword }))
        .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<Token>();
    tokens[s] = answer!.AccessToken;
}

// The product creates each street's default rule sets (version 1) on the first entry of a tier and year: one award each.
watch.Restart();
var firsts = Enumerable.Range(0, Streets).SelectMany(s => MemberTier.Defaults.Select(t => (Street: s, Tier: t))).SelectMany(st => years.Select(y => (st.Street, st.Tier, Year: y))).ToList();
await Parallel.ForEachAsync(firsts, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (f, ct) =>
{
    var member = Enumerable.Range(0, memberCount).First(i => memberStreet[i] == f.Street && TierOf(i) == f.Tier);
    using var response = await Send(HttpMethod.Post, "/api/points/entries", tokens[f.Street],
        new { memberId = memberIds[member], ruleCode = RuleCodes.DuesLate, quantity = 1, occurredOn = new DateOnly(f.Year, 1, 15) });
    if (response.StatusCode != HttpStatusCode.Created)
    {
        throw new InvalidOperationException($"The first award of {f} answered {response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
    }
});
var sets = new Dictionary<(int Street, string Tier, int Year), GenSet>();
var streetIndex = Enumerable.Range(0, Streets).ToDictionary(s => streetIds[s]);
var rulesBySet = new Dictionary<int, List<GenRule>>();
await using (var read = Command(db, "SELECT \"RuleSetId\", \"Code\", \"Points\", \"CapPerMonth\", \"CapPerYear\", \"NeedsApproval\", \"NeedsEvidence\", \"IsVeto\" FROM \"PointRules\" ORDER BY \"SortOrder\""))
await using (var r = await read.ExecuteReaderAsync())
{
    while (await r.ReadAsync())
    {
        var list = rulesBySet.TryGetValue(r.GetInt32(0), out var l) ? l : rulesBySet[r.GetInt32(0)] = [];
        list.Add(new GenRule(r.GetString(1), r.GetInt64(2), r.IsDBNull(3) ? null : r.GetInt64(3), r.IsDBNull(4) ? null : r.GetInt64(4),
            r.GetBoolean(5), r.GetBoolean(6), r.GetBoolean(7), Weight(r.GetString(1))));
    }
}
await using (var read = Command(db, "SELECT \"Id\", \"StreetId\", \"Tier\", \"Year\", \"Version\" FROM \"RuleSets\" WHERE \"Status\" = 'Current'"))
await using (var r = await read.ExecuteReaderAsync())
{
    while (await r.ReadAsync())
    {
        sets[(streetIndex[r.GetInt32(1)], r.GetString(2), r.GetInt32(3))] = new GenSet(r.GetInt32(0), r.GetInt32(4), rulesBySet[r.GetInt32(0)]);
    }
}
Console.WriteLine($"{sets.Count} rule sets created by the server in {watch.Elapsed.TotalSeconds:F1} s");

// The ledger, member by member and year by year in date order, caps applied as the product applies them (pending entries
// hold their share, rejected ones do not, reversals give theirs back); mostly approved, some pending and rejected, about
// 0.5 % reversed, 0.2 % of member-years with an approved veto.
watch.Restart();
var ledgerWatch = Stopwatch.StartNew();
long written = 0;
var perMemberYear = (double)entryTarget / memberCount / years.Length;
var rng = new Random(2026);
var nextEntry = await Scalar(db, "SELECT MAX(\"Id\") FROM \"LedgerEntries\"") + 1;
var entryInsert = await BulkRows.OpenAsync(db, "LedgerEntries", "Id", "MemberId", "Year", "RuleSetId", "RuleVersion", "RuleCode", "Quantity", "Requested",
    "Granted", "CapCut", "IsVeto", "OccurredOn", "RecordedAt", "RecordedBy", "Status", "DecidedBy", "DecidedAt", "Evidence", "Reason", "ReversalOf");
var usedYear = new Dictionary<string, long>();
var usedMonth = new Dictionary<(string, int), long>();
for (var i = 0; i < memberCount; i++)
{
    var by = StreetUser(memberStreet[i]);
    foreach (var year in years)
    {
        var set = sets[(memberStreet[i], TierOf(i), year)];
        var last = year == today.Year ? today.DayOfYear - 1 : new DateOnly(year, 12, 31).DayOfYear;
        var count = (int)Math.Round(perMemberYear * (0.5 + rng.NextDouble()));
        var days = Enumerable.Range(0, count).Select(_ => rng.Next(1, last + 1)).Order().ToArray();
        usedYear.Clear();
        usedMonth.Clear();
        // How engaged the member is this year: the share of deductions among the entries, so that scores spread over every star.
        var engagement = rng.NextDouble();
        foreach (var day in days)
        {
            var rules = rng.NextDouble() < (1 - engagement) * 0.7 ? set.Deductions : set.Awards;
            var rule = Pick(rules, rng.NextDouble() * rules.Sum(r => r.Weight));
            var on = new DateOnly(year, 1, 1).AddDays(day - 1);
            var quantity = rule.Code == RuleCodes.VolunteerHour ? rng.Next(1, 5) * 100L : 100L;
            var requested = quantity * rule.Points / 100;
            var granted = requested;
            if (requested > 0)
            {
                if (rule.CapPerMonth is { } month)
                {
                    granted = Math.Min(granted, Math.Max(0, month - usedMonth.GetValueOrDefault((rule.Code, on.Month))));
                }
                if (rule.CapPerYear is { } cap)
                {
                    granted = Math.Min(granted, Math.Max(0, cap - usedYear.GetValueOrDefault(rule.Code)));
                }
            }
            var roll = rng.NextDouble();
            var status = !rule.NeedsApproval ? EntryStatus.Approved : roll < 0.05 ? EntryStatus.Pending : roll < 0.12 ? EntryStatus.Rejected : EntryStatus.Approved;
            if (status != EntryStatus.Rejected)
            {
                usedYear[rule.Code] = usedYear.GetValueOrDefault(rule.Code) + granted;
                usedMonth[(rule.Code, on.Month)] = usedMonth.GetValueOrDefault((rule.Code, on.Month)) + granted;
            }
            var id = nextEntry++;
            WriteEntry(id, memberIds[i], year, set, rule.Code, quantity, requested, granted, granted < requested, false, on, by, status,
                rule.NeedsEvidence ? "照片与签到表" : null, status == EntryStatus.Rejected ? "材料不全" : null, null);
            if (status == EntryStatus.Approved && granted != 0 && rng.NextDouble() < 0.005)
            {
                WriteEntry(nextEntry++, memberIds[i], year, set, rule.Code, -quantity, -requested, -granted, false, false, on, by,
                    EntryStatus.Approved, null, "录入有误，冲正", id);
                usedYear[rule.Code] -= granted;
                usedMonth[(rule.Code, on.Month)] -= granted;
            }
        }
        if (rng.NextDouble() < 0.002)
        {
            WriteEntry(nextEntry++, memberIds[i], year, set, RuleCodes.Veto, 100, 0, 0, false, true, new DateOnly(year, 1, 1).AddDays(last - 1), by,
                EntryStatus.Approved, "处分决定书", null, null);
        }
    }
    if (written >= 500_000)
    {
        await entryInsert.CommitAsync();
        Console.WriteLine($"  {written:N0} entries, {written / watch.Elapsed.TotalSeconds:N0} rows/s; load average {BenchServer.LoadAverage()}");
        written = 0;
        watch.Restart();
    }
}
await entryInsert.DisposeAsync();
await SetSequenceAsync("LedgerEntries");
var entries = await Scalar(db, "SELECT COUNT(*) FROM \"LedgerEntries\"");
Console.WriteLine($"ledger: {entries:N0} entries in {ledgerWatch.Elapsed.TotalSeconds:F0} s, {entries / ledgerWatch.Elapsed.TotalSeconds:N0} rows/s; load average {BenchServer.LoadAverage()}");

// Balances from the ledger, as the product keeps them: base score of the set (all 60 here), approved points, vetoes, score.
watch.Restart();
var baseScore = (long)(RuleSet.DefaultBaseScore * 100);
await Exec(db, $"""
    BEGIN;
    DELETE FROM "MemberPoints";
    INSERT INTO "MemberPoints" ("MemberId", "Year", "BaseScore", "Earned", "Vetoes", "Redeemed", "AssessmentScore")
    SELECT "MemberId", "Year", {baseScore}, "Earned", "Vetoes", 0, CASE WHEN "Vetoes" > 0 THEN 0 ELSE {baseScore} + "Earned" END
    FROM (SELECT "MemberId", "Year",
                 SUM(CASE WHEN "Status" = 'Approved' THEN "Granted" ELSE 0 END) AS "Earned",
                 SUM(CASE WHEN "Status" = 'Approved' AND "IsVeto" THEN (CASE WHEN "ReversalOf" IS NULL THEN 1 ELSE -1 END) ELSE 0 END) AS "Vetoes"
          FROM "LedgerEntries" GROUP BY "MemberId", "Year") AS b;
    COMMIT;
    """);
Console.WriteLine($"balances: {await Scalar(db, "SELECT COUNT(*) FROM \"MemberPoints\""):N0} rows in {watch.Elapsed.TotalSeconds:F1} s; "
    + $"load average {BenchServer.LoadAverage()}");
if (postgres)
{
    // A freshly loaded table has no statistics and no visibility map: without them the planner guesses and index-only scans
    // visit the heap. A production database gets both from autovacuum; the bench does it at once and times it.
    watch.Restart();
    await Exec(db, "VACUUM ANALYZE");
    Console.WriteLine($"VACUUM ANALYZE in {watch.Elapsed.TotalSeconds:F1} s; load average {BenchServer.LoadAverage()}");
}
var megabytes = postgres ? await Scalar(db, "SELECT pg_database_size(current_database())") / 1_048_576 : new FileInfo(dbPath).Length / 1_048_576;
Console.WriteLine($"database {megabytes:N0} MB");

await VerifyAsync("after generation");

// (a) A member's statement: 1,000 random members, 10 concurrent clients, one year.
var statement = await MeasureAsync(1000, 10, async random =>
{
    var i = random.Next(memberCount);
    return await Send(HttpMethod.Get, $"/api/members/{memberIds[i]}/points?year={reportYear}", tokens[memberStreet[i]]);
});
Report("statement GET /api/members/{id}/points", statement, 50);
var single = await MeasureAsync(200, 1, async random =>
{
    var i = random.Next(memberCount);
    return await Send(HttpMethod.Get, $"/api/members/{memberIds[i]}/points?year={reportYear}", tokens[memberStreet[i]]);
});
Report("statement, one client at a time (service time without queueing)", single, 0);

// (b) A street leaderboard, top 100: 200 calls over random streets, one at a time.
var streetBoard = await MeasureAsync(200, 1, async random =>
{
    var s = random.Next(Streets);
    return await Send(HttpMethod.Get, $"/api/points/leaderboard?unitId={streetIds[s]}&year={reportYear}&top=100", tokens[s]);
});
Report("street leaderboard top 100", streetBoard, 100);

// (c) City-wide top 100: the product's leaderboard query with the whole tree's scope "/", in SQL (see the comment at the top).
const string BoardSql = """
    SELECT m."Id", m."Name", m."Tier", u."Name", u."Path", p."AssessmentScore"
    FROM "Members" AS m JOIN "Units" AS u ON m."UnitId" = u."Id" JOIN "MemberPoints" AS p ON m."Id" = p."MemberId"
    WHERE u."Path" LIKE @scope || '%' AND m."Status" = 'Active' AND p."Year" = @year
    ORDER BY p."AssessmentScore" DESC, m."Id" LIMIT 100
    """;
const string UnscoredSql = """
    SELECT DISTINCT m."Tier" FROM "Members" AS m JOIN "Units" AS u ON m."UnitId" = u."Id"
    WHERE u."Path" LIKE @scope || '%' AND m."Status" = 'Active'
      AND NOT EXISTS (SELECT 1 FROM "MemberPoints" AS p WHERE p."MemberId" = m."Id" AND p."Year" = @year)
    """;
var cityBoard = new List<double>();
var cityParts = new List<double>[] { [], [] };
for (var n = 0; n < 100; n++)
{
    var started = Stopwatch.GetTimestamp();
    await Query(db, BoardSql, ("@scope", "/"), ("@year", reportYear));
    cityParts[0].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    await Query(db, UnscoredSql, ("@scope", "/"), ("@year", reportYear));
    cityBoard.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    cityParts[1].Add(cityBoard[^1] - cityParts[0][^1]);
}
Report("city-wide leaderboard top 100 (SQL, scope /)", (cityBoard, 0), 100);
Report("  of which the top 100 scored", (cityParts[0], 0), 0);
Report("  of which the tiers of members without a balance row", (cityParts[1], 0), 0);
var streetParts = new List<double>[] { [], [] };
for (var n = 0; n < 50; n++)
{
    var scope = $"/{streetIds[n % Streets]}/";
    var started = Stopwatch.GetTimestamp();
    await Query(db, BoardSql, ("@scope", scope), ("@year", reportYear));
    streetParts[0].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    started = Stopwatch.GetTimestamp();
    await Query(db, UnscoredSql, ("@scope", scope), ("@year", reportYear));
    streetParts[1].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
}
Report("street board in SQL: the top 100 scored", (streetParts[0], 0), 0);
Report("street board in SQL: the tiers of members without a balance row", (streetParts[1], 0), 0);
foreach (var (name, sql) in new[] { ("street board", BoardSql), ("unscored tiers", UnscoredSql) })
{
    var plan = await Query(db, (postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + sql, ("@scope", $"/{streetIds[0]}/"), ("@year", reportYear));
    Console.WriteLine($"  query plan of the {name}: " + string.Join(" | ", plan));
}

// (d) Year-end stars for every member: every active member's score of the year (the base score without a row) and stars by
// the product's StarScale of the member's street and tier, ranked within each street.
watch.Restart();
var thresholds = new Dictionary<(int, string), (decimal, StarScale)>();
foreach (var row in await Query(db, $"SELECT \"StreetId\" || '|' || \"Tier\" || '|' || \"BaseScore\" || '|' || \"StarThresholds\" FROM \"RuleSets\" WHERE \"Year\" = {reportYear} AND \"Status\" = 'Current'"))
{
    var parts = row.Split('|');
    thresholds[(int.Parse(parts[0], CultureInfo.InvariantCulture), parts[1])] = (long.Parse(parts[2], CultureInfo.InvariantCulture) / 100m, StarScale.Parse(parts[3]));
}
var standards = new Standards(thresholds);
var starred = new List<(int Street, decimal Score, int Stars)>(memberCount);
await using (var read = Command(db, """
    SELECT m."Id", m."Tier", u."Path", p."AssessmentScore" FROM "Members" AS m JOIN "Units" AS u ON m."UnitId" = u."Id"
    LEFT JOIN "MemberPoints" AS p ON p."MemberId" = m."Id" AND p."Year" = @year WHERE m."Status" = 'Active'
    """, ("@year", reportYear)))
{
    await using var r = await read.ExecuteReaderAsync();
    while (await r.ReadAsync())
    {
        var street = RuleBook.StreetOf(r.GetString(2));
        var score = r.IsDBNull(3) ? standards.BaseOf(street, r.GetString(1)) : r.GetInt64(3) / 100m;
        starred.Add((street, score, standards.StarsOf(street, r.GetString(1)).StarsFor(score)));
    }
}
var ranked = starred.GroupBy(x => x.Street).Sum(g => g.OrderByDescending(x => x.Score).ToList().Count);
var histogram = string.Join(", ", starred.GroupBy(x => x.Stars).OrderBy(g => g.Key).Select(g => $"{g.Key}★ {g.Count():N0}"));
Console.WriteLine($"year-end stars of {ranked:N0} members ({reportYear}, SQL + StarScale, ranked per street): {watch.Elapsed.TotalMilliseconds:F0} ms; {histogram}");

// (e) Single awards: 50 concurrent clients for 20 s, random members, 党员大会 attendance today (capped 20 a year).
var awards = new ConcurrentBag<double>();
var refused = 0;
var cpuBefore = server.CpuSeconds();
var until = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, 50).Select(async worker =>
{
    var random = new Random(worker);
    while (until.Elapsed < TimeSpan.FromSeconds(20))
    {
        var i = random.Next(memberCount);
        var started = Stopwatch.GetTimestamp();
        using var response = await Send(HttpMethod.Post, "/api/points/entries", tokens[memberStreet[i]],
            new { memberId = memberIds[i], ruleCode = RuleCodes.GeneralMeeting, quantity = 1, occurredOn = today });
        if (response.StatusCode == HttpStatusCode.Created)
        {
            awards.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        else
        {
            Interlocked.Increment(ref refused);
        }
    }
}));
var seconds = until.Elapsed.TotalSeconds;
Report($"single awards POST /api/points/entries, 50 clients, {seconds:F1} s: {awards.Count / seconds:F0} awards/s, server CPU {server.CpuSeconds() - cpuBefore:F1} s",
    (awards.ToList(), refused), 0);
var exit = await VerifyAsync("after the awards");
Console.WriteLine($"server VmHWM {server.Memory().Peak} MB; load average {BenchServer.LoadAverage()}");
return exit;

static string StreetUser(int street) => $"street{street + 1:D2}";

static double Weight(string code) => code switch
{
    RuleCodes.GroupMeeting or RuleCodes.ThemeDay => 6,
    RuleCodes.VolunteerHour => 8,
    RuleCodes.GeneralMeeting => 4,
    RuleCodes.CommitteeMeeting => 3,
    RuleCodes.PartyLecture or RuleCodes.LifeMeeting or RuleCodes.WishFulfilled or RuleCodes.Absence or RuleCodes.LateOrEarly or RuleCodes.Report => 2,
    RuleCodes.LawBreach => 0.05,
    RuleCodes.OutOfContact => 0.5,
    RuleCodes.Veto => 0,
    _ => 1,
};

static GenRule Pick(List<GenRule> rules, double at)
{
    foreach (var rule in rules)
    {
        if ((at -= rule.Weight) < 0)
        {
            return rule;
        }
    }
    return rules.First(r => r.Weight > 0);
}

void WriteEntry(long id, int member, int year, GenSet set, string code, long quantity, long requested, long granted, bool cut, bool veto,
    DateOnly on, string by, EntryStatus status, string? evidence, string? reason, long? reversalOf)
{
    var at = on.ToDateTime(new TimeOnly(10, 0));
    var decided = status == EntryStatus.Pending ? (DateTime?)null : at.AddHours(set.Rules.Any(r => r.Code == code && r.NeedsApproval) ? 26 : 0);
    entryInsert.Add(id, member, year, set.Id, set.Version, code, quantity, requested, granted, cut, veto, on, at, by, status.ToString(),
        decided is null ? null : by, decided, evidence, reason, reversalOf);
    written++;
}

// The ids were given explicitly; PostgreSQL's identity sequences must continue after them (SQLite takes MAX(rowid) + 1).
async Task SetSequenceAsync(string table)
{
    if (postgres)
    {
        await Exec(db, $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT MAX(\"Id\") FROM \"{table}\"))");
    }
}

async Task<HttpResponseMessage> Send(HttpMethod method, string url, string token, object? body = null)
{
    using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    return await http.SendAsync(request);
}

async Task<(List<double> Latencies, int Failures)> MeasureAsync(int calls, int clients, Func<Random, Task<HttpResponseMessage>> call)
{
    var latencies = new ConcurrentBag<double>();
    var failures = 0;
    var left = calls;
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async worker =>
    {
        var random = new Random(1000 + worker);
        while (Interlocked.Decrement(ref left) >= 0)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await call(random);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
            }
        }
    }));
    return (latencies.ToList(), failures);
}

static void Report(string what, (List<double> Latencies, int Failures) run, double target)
{
    var sorted = run.Latencies.Order().ToArray();
    double P(double q) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(q * sorted.Length) - 1)];
    Console.WriteLine($"{what}: {sorted.Length:N0} calls, {run.Failures} failed; p50 {P(0.50):F1} ms, p95 {P(0.95):F1} ms, p99 {P(0.99):F1} ms"
        + (target > 0 ? $" (target p95 < {target} ms)" : "") + $"; load average {BenchServer.LoadAverage()}");
}

async Task<int> VerifyAsync(string when)
{
    var started = Stopwatch.GetTimestamp();
    var start = new ProcessStartInfo("dotnet", [serverDll, "verify-ledger"]) { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var (key, value) in server.Environment)
    {
        start.Environment[key] = value;
    }
    using var process = Process.Start(start)!;
    var output = await process.StandardOutput.ReadToEndAsync();
    var errors = await process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    Console.WriteLine($"verify-ledger {when}: exit {process.ExitCode} in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s: {output.Trim()} {string.Join(" ", errors.Split('\n').Take(5)).Trim()}");
    return process.ExitCode;
}

static DbCommand Command(DbConnection db, string sql, params (string Name, object Value)[] parameters)
{
    var command = db.CreateCommand();
    command.CommandText = sql;
    command.CommandTimeout = 0;
    foreach (var (name, value) in parameters)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
    return command;
}

static async Task Exec(DbConnection db, string sql)
{
    await using var command = Command(db, sql);
    await command.ExecuteNonQueryAsync();
}

static async Task<long> Scalar(DbConnection db, string sql)
{
    await using var command = Command(db, sql);
    var value = await command.ExecuteScalarAsync();
    return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
}

static async Task<List<string>> Query(DbConnection db, string sql, params (string Name, object Value)[] parameters)
{
    await using var command = Command(db, sql, parameters);
    var rows = new List<string>();
    await using var r = await command.ExecuteReaderAsync();
    while (await r.ReadAsync())
    {
        rows.Add(r.FieldCount == 1 ? Convert.ToString(r.GetValue(0), CultureInfo.InvariantCulture)! : Convert.ToString(r.GetValue(r.FieldCount - 1), CultureInfo.InvariantCulture)!);
    }
    return rows;
}

internal sealed record Token(string AccessToken, DateTime ExpiresAt);
internal sealed record GenRule(string Code, long Points, long? CapPerMonth, long? CapPerYear, bool NeedsApproval, bool NeedsEvidence, bool IsVeto, double Weight);
internal sealed record GenSet(int Id, int Version, List<GenRule> Rules)
{
    public List<GenRule> Awards { get; } = Rules.Where(r => r.Points > 0).ToList();
    public List<GenRule> Deductions { get; } = Rules.Where(r => r.Points < 0).ToList();
}

/// <summary>Rows into one table, fast: on SQLite one prepared INSERT in a plain BEGIN/COMMIT transaction (the command then
/// needs no transaction object), on PostgreSQL a binary COPY. <see cref="CommitAsync"/> ends the transaction or the COPY and
/// starts the next; disposing ends the last. Values come as the columns' CLR types (int, long, bool, string, DateOnly,
/// DateTime), which binary COPY requires exactly.</summary>
internal sealed class BulkRows : IAsyncDisposable
{
    private readonly DbConnection _db;
    private readonly string _table;
    private readonly string[] _columns;
    private SqliteCommand? _insert;
    private NpgsqlBinaryImporter? _copy;

    private BulkRows(DbConnection db, string table, string[] columns)
    {
        _db = db;
        _table = table;
        _columns = columns;
    }

    public static async Task<BulkRows> OpenAsync(DbConnection db, string table, params string[] columns)
    {
        var rows = new BulkRows(db, table, columns);
        await rows.BeginAsync();
        return rows;
    }

    private string ColumnList => string.Join(", ", _columns.Select(c => $"\"{c}\""));

    private async Task BeginAsync()
    {
        if (_db is NpgsqlConnection pg)
        {
            _copy = await pg.BeginBinaryImportAsync($"COPY \"{_table}\" ({ColumnList}) FROM STDIN (FORMAT BINARY)");
            return;
        }
        var sqlite = (SqliteConnection)_db;
        await using (var begin = new SqliteCommand("BEGIN", sqlite))
        {
            await begin.ExecuteNonQueryAsync();
        }
        if (_insert is null)
        {
            _insert = new SqliteCommand($"INSERT INTO \"{_table}\" ({ColumnList}) VALUES ({string.Join(", ", _columns.Select((_, i) => $"@p{i}"))})", sqlite);
            for (var i = 0; i < _columns.Length; i++)
            {
                _insert.Parameters.Add(new SqliteParameter { ParameterName = $"@p{i}" });
            }
        }
    }

    public void Add(params object?[] values)
    {
        if (_copy is { } copy)
        {
            copy.StartRow();
            foreach (var value in values)
            {
                switch (value)
                {
                    case null: copy.WriteNull(); break;
                    case int v: copy.Write(v, NpgsqlDbType.Integer); break;
                    case long v: copy.Write(v, NpgsqlDbType.Bigint); break;
                    case bool v: copy.Write(v, NpgsqlDbType.Boolean); break;
                    case string v: copy.Write(v, NpgsqlDbType.Text); break;
                    case DateOnly v: copy.Write(v, NpgsqlDbType.Date); break;
                    case DateTime v: copy.Write(DateTime.SpecifyKind(v, DateTimeKind.Utc), NpgsqlDbType.TimestampTz); break;
                    default: throw new NotSupportedException(value.GetType().Name);
                }
            }
            return;
        }
        for (var i = 0; i < values.Length; i++)
        {
            _insert!.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        _insert!.ExecuteNonQuery();
    }

    public async Task CommitAsync()
    {
        await EndAsync();
        await BeginAsync();
    }

    private async Task EndAsync()
    {
        if (_copy is { } copy)
        {
            await copy.CompleteAsync();
            await copy.DisposeAsync();
            _copy = null;
            return;
        }
        await using var commit = new SqliteCommand("COMMIT", (SqliteConnection)_db);
        await commit.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await EndAsync();
        if (_insert is not null)
        {
            await _insert.DisposeAsync();
        }
    }
}
