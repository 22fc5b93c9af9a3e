using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Points;

namespace Jishi.Bench;

/// <summary>A generated city in the server's fresh database (started without the demo), deterministic from one seed. At
/// SCALE 1: 40 streets × 10 communities × 5 branches, 200,000 members, 20,000,000 ledger entries over the last three years,
/// balances computed from the ledger, one street administrator per street (every API caller is scoped to one street: the
/// tree's roots are streets). See bench/README.md for what is generated and how long it takes.</summary>
public sealed class City
{
    public const int Streets = 40, CommunitiesPerStreet = 10, BranchesPerCommunity = 5;
    private const int Seed = 2026;

    private City(int[] streetIds, int[] memberIds, int[] memberStreet, string[] tokens, DateOnly today)
    {
        StreetIds = streetIds;
        MemberIds = memberIds;
        MemberStreet = memberStreet;
        Tokens = tokens;
        Today = today;
    }

    public int[] StreetIds { get; }
    public int[] MemberIds { get; }

    /// <summary>The index (0..39) of each member's street, which is also the index of the token that may see the member.</summary>
    public int[] MemberStreet { get; }

    /// <summary>A bearer token of each street's administrator.</summary>
    public string[] Tokens { get; }

    public DateOnly Today { get; }

    /// <summary>The year the reads ask for: the last complete year.</summary>
    public int ReportYear => Today.Year - 1;

    public static string StreetUser(int street) => $"street{street + 1:D2}";

    /// <summary>A request as the administrator of street <paramref name="street"/>.</summary>
    public HttpRequestMessage Request(HttpMethod method, string url, int street, object? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens[street]);
        return request;
    }

    // Members: consecutive blocks per branch, tiers mixed in every 30 members (在职 50 %, 离退休 30 %, 流动 10 %, 年老体弱 7 %,
    // 社区干部 3 %), so that every street has every tier from SCALE 0.01 up.
    private static string TierOf(int i) => (i % 30) switch { < 15 => "在职", < 24 => "离退休", < 27 => "流动", < 29 => "年老体弱", _ => "社区干部" };

    public static async Task<City> GenerateAsync(BenchServer server, HttpClient http, double scale)
    {
        var postgres = Database.IsPostgres(server);
        var memberCount = (int)(200_000 * scale);
        var entryTarget = (long)(20_000_000 * scale);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
        int[] years = [today.Year - 2, today.Year - 1, today.Year];
        Console.WriteLine($"city: scale {scale}, {memberCount:N0} members, {entryTarget:N0} entries in {Streets} streets, years {years[0]}–{years[^1]}");
        await using var db = await Database.OpenAsync(server, unpooled: true);
        if (!postgres)
        {
            await Database.ExecAsync(db, "PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;");
        }
        else
        {
            // Bulk load: this connection's rows skip the foreign-key triggers (they are consistent by construction), which
            // otherwise look up the member, the rule set and the reversed entry for each row. The server's writes keep them.
            await Database.ExecAsync(db, "SET session_replication_role = replica");
        }

        // Units: street 1 exists (the server created it for the admin); streets 2..40, communities and branches follow.
        var watch = Stopwatch.StartNew();
        var streetIds = new int[Streets];
        var branchStreet = new List<(int Id, int Street)>();
        {
            var nextId = (int)await Database.ScalarAsync(db, "SELECT MAX(\"Id\") FROM \"Units\"") + 1;
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
            await SetSequenceAsync(db, postgres, "Units");
        }

        var memberIds = new int[memberCount];
        var memberStreet = new int[memberCount];
        {
            var nextId = (int)await Database.ScalarAsync(db, "SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Members\"") + 1;
            var insert = await BulkRows.OpenAsync(db, "Members", "Id", "Name", "Gender", "Category", "UnitId", "MembershipSuspended", "IsLost", "IsFloating", "Tier", "Status");
            for (var i = 0; i < memberCount; i++)
            {
                var (branch, street) = branchStreet[(int)((long)i * branchStreet.Count / memberCount)];
                memberIds[i] = nextId + i;
                memberStreet[i] = street;
                insert.Add(memberIds[i], $"党员{i:D6}", i % 3 == 0 ? "女" : "男", "Full", branch, false, false, TierOf(i) == "流动", TierOf(i), "Active");
            }
            await insert.DisposeAsync();
            await SetSequenceAsync(db, postgres, "Members");
        }
        Console.WriteLine($"units {branchStreet.Count + Streets * (CommunitiesPerStreet + 1)} and members {memberCount:N0} in {watch.Elapsed.TotalSeconds:F1} s");

        // One street administrator per street (a copy of admin's password hash and roles).
        await Database.ExecAsync(db, "BEGIN");
        for (var s = 0; s < Streets; s++)
        {
            var user = StreetUser(s);
            await Database.ExecAsync(db, "INSERT INTO \"AspNetUsers\" (\"DisplayName\", \"UnitId\", \"MustChangePassword\", \"UserName\", \"NormalizedUserName\", \"EmailConfirmed\", \"PasswordHash\", "
                + "\"SecurityStamp\", \"ConcurrencyStamp\", \"PhoneNumberConfirmed\", \"TwoFactorEnabled\", \"LockoutEnabled\", \"AccessFailedCount\") "
                + $"SELECT '街道管理员{s + 1}', {streetIds[s]}, FALSE, '{user}', '{user.ToUpperInvariant()}', FALSE, \"PasswordHash\", \"SecurityStamp\", \"ConcurrencyStamp\", FALSE, FALSE, \"LockoutEnabled\", 0 "
                + "FROM \"AspNetUsers\" WHERE \"UserName\" = 'admin'");
            await Database.ExecAsync(db, $"INSERT INTO \"AspNetUserRoles\" (\"UserId\", \"RoleId\") SELECT (SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"UserName\" = '{user}'), \"RoleId\" "
                + "FROM \"AspNetUserRoles\" WHERE \"UserId\" = (SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"UserName\" = 'admin')");
        }
        await Database.ExecAsync(db, "COMMIT");
        var tokens = new string[Streets];
        for (var s = 0; s < Streets; s++)
        {
            var answer = await (await http.PostAsJsonAsync("/api/auth/token", new { userName = StreetUser(s), password = BenchServer.AdminPassword }))
                .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<Token>();
            tokens[s] = answer!.AccessToken;
        }
        var city = new City(streetIds, memberIds, memberStreet, tokens, today);

        // The product creates each street's default rule sets (version 1) on the first entry of a tier and year: one award each.
        watch.Restart();
        var firsts = Enumerable.Range(0, Streets).SelectMany(s => MemberTier.Defaults.Select(t => (Street: s, Tier: t)))
            .SelectMany(st => years.Select(y => (st.Street, st.Tier, Year: y))).ToList();
        await Parallel.ForEachAsync(firsts, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (f, ct) =>
        {
            var member = Enumerable.Range(0, memberCount).First(i => memberStreet[i] == f.Street && TierOf(i) == f.Tier);
            using var response = await http.SendAsync(city.Request(HttpMethod.Post, "/api/points/entries", f.Street,
                new { memberId = memberIds[member], ruleCode = RuleCodes.DuesLate, quantity = 1, occurredOn = new DateOnly(f.Year, 1, 15) }), ct);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"The first award of {f} answered {response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
            }
        });
        var sets = await RuleSetsAsync(db, streetIds);
        Console.WriteLine($"{sets.Count} rule sets created by the server in {watch.Elapsed.TotalSeconds:F1} s");

        await LedgerAsync(db, postgres, city, sets, entryTarget, years);
        await BalancesAsync(db, postgres);
        return city;
    }

    private static async Task<Dictionary<(int Street, string Tier, int Year), GenSet>> RuleSetsAsync(DbConnection db, int[] streetIds)
    {
        var sets = new Dictionary<(int Street, string Tier, int Year), GenSet>();
        var streetIndex = Enumerable.Range(0, Streets).ToDictionary(s => streetIds[s]);
        var rulesBySet = new Dictionary<int, List<GenRule>>();
        await using (var read = Database.Command(db, "SELECT \"RuleSetId\", \"Code\", \"Points\", \"CapPerMonth\", \"CapPerYear\", \"NeedsApproval\", \"NeedsEvidence\", \"IsVeto\" FROM \"PointRules\" ORDER BY \"SortOrder\""))
        await using (var r = await read.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                var list = rulesBySet.TryGetValue(r.GetInt32(0), out var l) ? l : rulesBySet[r.GetInt32(0)] = [];
                list.Add(new GenRule(r.GetString(1), r.GetInt64(2), r.IsDBNull(3) ? null : r.GetInt64(3), r.IsDBNull(4) ? null : r.GetInt64(4),
                    r.GetBoolean(5), r.GetBoolean(6), r.GetBoolean(7), Weight(r.GetString(1))));
            }
        }
        await using (var read = Database.Command(db, "SELECT \"Id\", \"StreetId\", \"Tier\", \"Year\", \"Version\" FROM \"RuleSets\" WHERE \"Status\" = 'Current'"))
        await using (var r = await read.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                sets[(streetIndex[r.GetInt32(1)], r.GetString(2), r.GetInt32(3))] = new GenSet(r.GetInt32(0), r.GetInt32(4), rulesBySet[r.GetInt32(0)]);
            }
        }
        return sets;
    }

    // The ledger, member by member and year by year in date order, caps applied as the product applies them (pending entries
    // hold their share, rejected ones do not, reversals give theirs back); mostly approved, some pending and rejected, about
    // 0.5 % reversed, 0.2 % of member-years with an approved veto.
    private static async Task LedgerAsync(DbConnection db, bool postgres, City city, Dictionary<(int Street, string Tier, int Year), GenSet> sets, long entryTarget, int[] years)
    {
        var watch = Stopwatch.StartNew();
        var ledgerWatch = Stopwatch.StartNew();
        long written = 0;
        var memberCount = city.MemberIds.Length;
        var perMemberYear = (double)entryTarget / memberCount / years.Length;
        var rng = new Random(Seed);
        var nextEntry = await Database.ScalarAsync(db, "SELECT MAX(\"Id\") FROM \"LedgerEntries\"") + 1;
        var entryInsert = await BulkRows.OpenAsync(db, "LedgerEntries", "Id", "MemberId", "Year", "RuleSetId", "RuleVersion", "RuleCode", "Quantity", "Requested",
            "Granted", "CapCut", "IsVeto", "OccurredOn", "RecordedAt", "RecordedBy", "Status", "DecidedBy", "DecidedAt", "Evidence", "Reason", "ReversalOf");
        var usedYear = new Dictionary<string, long>();
        var usedMonth = new Dictionary<(string, int), long>();
        void WriteEntry(long id, int member, int year, GenSet set, string code, long quantity, long requested, long granted, bool cut, bool veto,
            DateOnly on, string by, EntryStatus status, string? evidence, string? reason, long? reversalOf)
        {
            var at = on.ToDateTime(new TimeOnly(10, 0));
            var decided = status == EntryStatus.Pending ? (DateTime?)null : at.AddHours(set.Rules.Any(r => r.Code == code && r.NeedsApproval) ? 26 : 0);
            entryInsert.Add(id, member, year, set.Id, set.Version, code, quantity, requested, granted, cut, veto, on, at, by, status.ToString(),
                decided is null ? null : by, decided, evidence, reason, reversalOf);
            written++;
        }
        for (var i = 0; i < memberCount; i++)
        {
            var by = StreetUser(city.MemberStreet[i]);
            foreach (var year in years)
            {
                var set = sets[(city.MemberStreet[i], TierOf(i), year)];
                var last = year == city.Today.Year ? city.Today.DayOfYear - 1 : new DateOnly(year, 12, 31).DayOfYear;
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
                    WriteEntry(id, city.MemberIds[i], year, set, rule.Code, quantity, requested, granted, granted < requested, false, on, by, status,
                        rule.NeedsEvidence ? "照片与签到表" : null, status == EntryStatus.Rejected ? "材料不全" : null, null);
                    if (status == EntryStatus.Approved && granted != 0 && rng.NextDouble() < 0.005)
                    {
                        WriteEntry(nextEntry++, city.MemberIds[i], year, set, rule.Code, -quantity, -requested, -granted, false, false, on, by,
                            EntryStatus.Approved, null, "录入有误，冲正", id);
                        usedYear[rule.Code] -= granted;
                        usedMonth[(rule.Code, on.Month)] -= granted;
                    }
                }
                if (rng.NextDouble() < 0.002)
                {
                    WriteEntry(nextEntry++, city.MemberIds[i], year, set, RuleCodes.Veto, 100, 0, 0, false, true, new DateOnly(year, 1, 1).AddDays(last - 1), by,
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
        await SetSequenceAsync(db, postgres, "LedgerEntries");
        var entries = await Database.ScalarAsync(db, "SELECT COUNT(*) FROM \"LedgerEntries\"");
        Console.WriteLine($"ledger: {entries:N0} entries in {ledgerWatch.Elapsed.TotalSeconds:F0} s, {entries / ledgerWatch.Elapsed.TotalSeconds:N0} rows/s; load average {BenchServer.LoadAverage()}");
    }

    // Balances from the ledger, as the product keeps them: base score of the set (all 60 here), approved points, vetoes, score.
    private static async Task BalancesAsync(DbConnection db, bool postgres)
    {
        var watch = Stopwatch.StartNew();
        var baseScore = (long)(RuleSet.DefaultBaseScore * 100);
        await Database.ExecAsync(db, $"""
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
        Console.WriteLine($"balances: {await Database.ScalarAsync(db, "SELECT COUNT(*) FROM \"MemberPoints\""):N0} rows in {watch.Elapsed.TotalSeconds:F1} s");
        if (postgres)
        {
            // A freshly loaded table has no statistics and no visibility map: without them the planner guesses and index-only
            // scans visit the heap. A production database gets both from autovacuum; the bench does it at once and times it.
            watch.Restart();
            await Database.ExecAsync(db, "VACUUM ANALYZE");
            Console.WriteLine($"VACUUM ANALYZE in {watch.Elapsed.TotalSeconds:F1} s");
        }
    }

    private static double Weight(string code) => code switch
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

    private static GenRule Pick(List<GenRule> rules, double at)
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

    // The ids were given explicitly; PostgreSQL's identity sequences must continue after them (SQLite takes MAX(rowid) + 1).
    private static async Task SetSequenceAsync(DbConnection db, bool postgres, string table)
    {
        if (postgres)
        {
            await Database.ExecAsync(db, $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT MAX(\"Id\") FROM \"{table}\"))");
        }
    }

    private sealed record Token(string AccessToken);

    private sealed record GenRule(string Code, long Points, long? CapPerMonth, long? CapPerYear, bool NeedsApproval, bool NeedsEvidence, bool IsVeto, double Weight);

    private sealed record GenSet(int Id, int Version, List<GenRule> Rules)
    {
        public List<GenRule> Awards { get; } = Rules.Where(r => r.Points > 0).ToList();
        public List<GenRule> Deductions { get; } = Rules.Where(r => r.Points < 0).ToList();
    }
}
