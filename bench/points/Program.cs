using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Jishi.Bench;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Points;
using Microsoft.Data.Sqlite;

// Generates a city into a Release server's fresh SQLite database (SCALE 1: 40 streets × 10 communities × 5 branches,
// 200,000 members, 20,000,000 ledger entries over 3 years, balances computed from the ledger), runs verify-ledger, then
// times over HTTP a member's statement, street leaderboards and single awards, and in SQL the city-wide leaderboard and the
// year-end stars of every member (no HTTP caller sees the whole city: the tree's roots are streets).
var serverDll = Path.GetFullPath(args.Length > 0 ? args[0] : "src/Jishi.Web/bin/Release/net10.0/Jishi.Web.dll");
var scale = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 1.0;
const int Streets = 40, CommunitiesPerStreet = 10, BranchesPerCommunity = 5;
var memberCount = (int)(200_000 * scale);
var entryTarget = (long)(20_000_000 * scale);
var today = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
int[] years = [today.Year - 2, today.Year - 1, today.Year];
var reportYear = today.Year - 1;
Console.WriteLine($"points bench: scale {scale}, {memberCount:N0} members, {entryTarget:N0} entries in {Streets} streets, years {years[0]}–{years[^1]}; load average {BenchServer.LoadAverage()}");

await using var server = await BenchServer.StartAsync(serverDll, new Dictionary<string, string> { ["Jishi__SeedDemo"] = "false" });
var dbPath = Path.Combine(server.WorkFolder, "bench.db");
await using var db = new SqliteConnection($"Data Source={dbPath}");
await db.OpenAsync();
await Exec(db, "PRAGMA busy_timeout = 60000; PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;");

// Units: street 1 exists (the server created it for the admin); streets 2..40, communities and branches follow.
var watch = Stopwatch.StartNew();
var streetIds = new int[Streets];
var branchStreet = new List<(int Id, int Street)>();
// Transactions as plain BEGIN/COMMIT: the prepared commands then need no transaction object.
{
    await Exec(db, "BEGIN");
    var nextId = (int)await Scalar(db, "SELECT MAX(Id) FROM Units") + 1;
    var insert = Prepare(db, "INSERT INTO Units (Id, ParentId, Kind, Name, Path, SortOrder, IsArchived) VALUES ($id, $parent, $kind, $name, $path, $sort, 0)",
        "$id", "$parent", "$kind", "$name", "$path", "$sort");
    string Add(int id, int? parent, string kind, string name, string path, int sort)
    {
        Run(insert, id, parent, kind, name, path, sort);
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
    await Exec(db, "COMMIT");
}

// Members: consecutive blocks per branch, tiers mixed in every 30 members (在职 50 %, 离退休 30 %, 流动 10 %, 年老体弱 7 %,
// 社区干部 3 %), so that every street has every tier from SCALE 0.01 up.
static string TierOf(int i) => (i % 30) switch { < 15 => "在职", < 24 => "离退休", < 27 => "流动", < 29 => "年老体弱", _ => "社区干部" };
var memberIds = new int[memberCount];
var memberStreet = new int[memberCount];
{
    await Exec(db, "BEGIN");
    var nextId = (int)await Scalar(db, "SELECT IFNULL(MAX(Id), 0) FROM Members") + 1;
    var insert = Prepare(db, "INSERT INTO Members (Id, Name, Gender, Category, UnitId, MembershipSuspended, IsLost, IsFloating, Tier, Status) "
        + "VALUES ($id, $name, $gender, 'Full', $unit, 0, 0, $floating, $tier, 'Active')", "$id", "$name", "$gender", "$unit", "$floating", "$tier");
    for (var i = 0; i < memberCount; i++)
    {
        var (branch, street) = branchStreet[(int)((long)i * branchStreet.Count / memberCount)];
        memberIds[i] = nextId + i;
        memberStreet[i] = street;
        Run(insert, memberIds[i], $"党员{i:D6}", i % 3 == 0 ? "女" : "男", branch, TierOf(i) == "流动" ? 1 : 0, TierOf(i));
    }
    await Exec(db, "COMMIT");
}
Console.WriteLine($"units {branchStreet.Count + Streets * (CommunitiesPerStreet + 1)} and members {memberCount:N0} in {watch.Elapsed.TotalSeconds:F1} s");

// One street administrator per street (a copy of admin's password hash and roles): the API scopes every caller to a street.
{
    await Exec(db, "BEGIN");
    for (var s = 0; s < Streets; s++)
    {
        var user = StreetUser(s);
        await Exec(db, "INSERT INTO AspNetUsers (DisplayName, UnitId, MustChangePassword, UserName, NormalizedUserName, EmailConfirmed, PasswordHash, "
            + "SecurityStamp, ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount) "
            + $"SELECT '街道管理员{s + 1}', {streetIds[s]}, 0, '{user}', '{user.ToUpperInvariant()}', 0, PasswordHash, SecurityStamp, ConcurrencyStamp, 0, 0, LockoutEnabled, 0 "
            + "FROM AspNetUsers WHERE UserName = 'admin'");
        await Exec(db, $"INSERT INTO AspNetUserRoles (UserId, RoleId) SELECT (SELECT Id FROM AspNetUsers WHERE UserName = '{user}'), RoleId "
            + "FROM AspNetUserRoles WHERE UserId = (SELECT Id FROM AspNetUsers WHERE UserName = 'admin')");
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
await using (var read = new SqliteCommand("SELECT RuleSetId, Code, Points, CapPerMonth, CapPerYear, NeedsApproval, NeedsEvidence, IsVeto FROM PointRules ORDER BY SortOrder", db))
await using (var r = await read.ExecuteReaderAsync())
{
    while (await r.ReadAsync())
    {
        var list = rulesBySet.TryGetValue(r.GetInt32(0), out var l) ? l : rulesBySet[r.GetInt32(0)] = [];
        list.Add(new GenRule(r.GetString(1), r.GetInt64(2), r.IsDBNull(3) ? null : r.GetInt64(3), r.IsDBNull(4) ? null : r.GetInt64(4),
            r.GetBoolean(5), r.GetBoolean(6), r.GetBoolean(7), Weight(r.GetString(1))));
    }
}
await using (var read = new SqliteCommand("SELECT Id, StreetId, Tier, Year, Version FROM RuleSets WHERE Status = 'Current'", db))
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
var nextEntry = await Scalar(db, "SELECT MAX(Id) FROM LedgerEntries") + 1;
var columns = new[] { "$id", "$member", "$year", "$set", "$version", "$code", "$qty", "$req", "$granted", "$cut", "$veto", "$on", "$at", "$by",
    "$status", "$decidedBy", "$decidedAt", "$evidence", "$reason", "$reversal" };
await Exec(db, "BEGIN");
var entryInsert = Prepare(db, "INSERT INTO LedgerEntries (Id, MemberId, Year, RuleSetId, RuleVersion, RuleCode, Quantity, Requested, Granted, CapCut, IsVeto, "
    + "OccurredOn, RecordedAt, RecordedBy, Status, DecidedBy, DecidedAt, Evidence, Reason, ReversalOf) VALUES ("
    + string.Join(", ", columns) + ")", columns);
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
        await Exec(db, "COMMIT; BEGIN");
        Console.WriteLine($"  {written:N0} entries, {written / watch.Elapsed.TotalSeconds:N0} rows/s; load average {BenchServer.LoadAverage()}");
        written = 0;
        watch.Restart();
    }
}
await Exec(db, "COMMIT");
var entries = await Scalar(db, "SELECT COUNT(*) FROM LedgerEntries");
Console.WriteLine($"ledger: {entries:N0} entries in {ledgerWatch.Elapsed.TotalSeconds:F0} s, {entries / ledgerWatch.Elapsed.TotalSeconds:N0} rows/s; load average {BenchServer.LoadAverage()}");

// Balances from the ledger, as the product keeps them: base score of the set (all 60 here), approved points, vetoes, score.
watch.Restart();
var baseScore = (long)(RuleSet.DefaultBaseScore * 100);
await Exec(db, $"""
    BEGIN;
    DELETE FROM MemberPoints;
    INSERT INTO MemberPoints (MemberId, Year, BaseScore, Earned, Vetoes, Redeemed, AssessmentScore)
    SELECT MemberId, Year, {baseScore}, Earned, Vetoes, 0, CASE WHEN Vetoes > 0 THEN 0 ELSE {baseScore} + Earned END
    FROM (SELECT MemberId, Year,
                 SUM(CASE WHEN Status = 'Approved' THEN Granted ELSE 0 END) AS Earned,
                 SUM(CASE WHEN Status = 'Approved' AND IsVeto THEN (CASE WHEN ReversalOf IS NULL THEN 1 ELSE -1 END) ELSE 0 END) AS Vetoes
          FROM LedgerEntries GROUP BY MemberId, Year);
    COMMIT;
    """);
Console.WriteLine($"balances: {await Scalar(db, "SELECT COUNT(*) FROM MemberPoints"):N0} rows in {watch.Elapsed.TotalSeconds:F1} s; "
    + $"database {new FileInfo(dbPath).Length / 1_048_576:N0} MB; load average {BenchServer.LoadAverage()}");

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
    SELECT m.Id, m.Name, m.Tier, u.Name, u.Path, p.AssessmentScore
    FROM Members AS m JOIN Units AS u ON m.UnitId = u.Id JOIN MemberPoints AS p ON m.Id = p.MemberId
    WHERE u.Path LIKE $scope || '%' AND m.Status = 'Active' AND p.Year = $year
    ORDER BY p.AssessmentScore DESC, m.Id LIMIT 100
    """;
const string UnscoredSql = """
    SELECT DISTINCT m.Tier FROM Members AS m JOIN Units AS u ON m.UnitId = u.Id
    WHERE u.Path LIKE $scope || '%' AND m.Status = 'Active'
      AND NOT EXISTS (SELECT 1 FROM MemberPoints AS p WHERE p.MemberId = m.Id AND p.Year = $year)
    """;
var cityBoard = new List<double>();
var cityParts = new List<double>[] { [], [] };
for (var n = 0; n < 100; n++)
{
    var started = Stopwatch.GetTimestamp();
    await Query(db, BoardSql, ("$scope", "/"), ("$year", reportYear));
    cityParts[0].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    await Query(db, UnscoredSql, ("$scope", "/"), ("$year", reportYear));
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
    await Query(db, BoardSql, ("$scope", scope), ("$year", reportYear));
    streetParts[0].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    started = Stopwatch.GetTimestamp();
    await Query(db, UnscoredSql, ("$scope", scope), ("$year", reportYear));
    streetParts[1].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
}
Report("street board in SQL: the top 100 scored", (streetParts[0], 0), 0);
Report("street board in SQL: the tiers of members without a balance row", (streetParts[1], 0), 0);
foreach (var (name, sql) in new[] { ("street board", BoardSql), ("unscored tiers", UnscoredSql) })
{
    var plan = await Query(db, "EXPLAIN QUERY PLAN " + sql, ("$scope", $"/{streetIds[0]}/"), ("$year", reportYear));
    Console.WriteLine($"  query plan of the {name}: " + string.Join(" | ", plan));
}

// (d) Year-end stars for every member: every active member's score of the year (the base score without a row) and stars by
// the product's StarScale of the member's street and tier, ranked within each street.
watch.Restart();
var thresholds = new Dictionary<(int, string), (decimal, StarScale)>();
foreach (var row in await Query(db, $"SELECT StreetId || '|' || Tier || '|' || BaseScore || '|' || StarThresholds FROM RuleSets WHERE Year = {reportYear} AND Status = 'Current'"))
{
    var parts = row.Split('|');
    thresholds[(int.Parse(parts[0], CultureInfo.InvariantCulture), parts[1])] = (long.Parse(parts[2], CultureInfo.InvariantCulture) / 100m, StarScale.Parse(parts[3]));
}
var standards = new Standards(thresholds);
var starred = new List<(int Street, decimal Score, int Stars)>(memberCount);
await using (var read = new SqliteCommand("""
    SELECT m.Id, m.Tier, u.Path, p.AssessmentScore FROM Members AS m JOIN Units AS u ON m.UnitId = u.Id
    LEFT JOIN MemberPoints AS p ON p.MemberId = m.Id AND p.Year = $year WHERE m.Status = 'Active'
    """, db))
{
    read.Parameters.AddWithValue("$year", reportYear);
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
    Run(entryInsert, id, member, year, set.Id, set.Version, code, quantity, requested, granted, cut ? 1 : 0, veto ? 1 : 0,
        on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Stamp(at), by, status.ToString(), decided is null ? null : by,
        decided is { } d ? Stamp(d) : null, evidence, reason, reversalOf);
    written++;
}

static string Stamp(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

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

static SqliteCommand Prepare(SqliteConnection db, string sql, params string[] names)
{
    var command = db.CreateCommand();
    command.CommandText = sql;
    foreach (var name in names)
    {
        command.Parameters.Add(new SqliteParameter { ParameterName = name });
    }
    return command;
}

static void Run(SqliteCommand command, params object?[] values)
{
    for (var i = 0; i < values.Length; i++)
    {
        command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }
    command.ExecuteNonQuery();
}

static async Task Exec(SqliteConnection db, string sql)
{
    await using var command = new SqliteCommand(sql, db);
    await command.ExecuteNonQueryAsync();
}

static async Task<long> Scalar(SqliteConnection db, string sql)
{
    await using var command = new SqliteCommand(sql, db);
    return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, CultureInfo.InvariantCulture);
}

static async Task<List<string>> Query(SqliteConnection db, string sql, params (string Name, object Value)[] parameters)
{
    await using var command = new SqliteCommand(sql, db);
    foreach (var (name, value) in parameters)
    {
        command.Parameters.AddWithValue(name, value);
    }
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
