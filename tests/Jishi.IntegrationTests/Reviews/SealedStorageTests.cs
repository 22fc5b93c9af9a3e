using System.Net;
using System.Net.Http.Json;
using System.Text;
using SqliteFactory = Jishi.IntegrationTests.Cli.SqliteFactory;
using Microsoft.Data.Sqlite;
using static Jishi.IntegrationTests.Reviews.ReviewApi;

namespace Jishi.IntegrationTests.Reviews;

/// <summary>ADR-015's lines that need the files themselves, tried as an operator with the data folder: the write-ahead log
/// replayed commit by commit ties no commit to a ballot's grades, and after the tally no key of the meeting is left in any
/// file. SQLite in a folder of its own (a copy of the log must hold this test's commits only).</summary>
public sealed class SealedStorageTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task WalReplay_TwentyBallotsCastOneByOne_NoCommitTiedToTheGrades()
    {
        var admin = await factory.ClientForAsync("admin");
        var review = await CreateDraftAsync(admin, "日志回放 " + Guid.NewGuid().ToString("N")[..6], 3, "党员代表");
        foreach (var name in new[] { "书记", "纪检委员" })
        {
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/reviews/{review.Id}/trustees", new { name })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/reviews/{review.Id}/open", null)).StatusCode);
        var tokens = await IssueAsync(admin, review, 0, 20);
        // What the operator copies: the database file with an empty log, then the log after the ballots.
        await CheckpointAsync();
        // A reader from the empty log on holds the file as it is: no checkpoint can copy the ballots' pages into it or start
        // the log afresh until the log is read (under load one did, and the replay lay a new log over a stale file).
        await using var pin = await OpenAsync(factory.DatabaseFile);
        using var snapshot = pin.BeginTransaction(deferred: true);
        await using (var read = pin.CreateCommand())
        {
            read.Transaction = snapshot;
            read.CommandText = "SELECT COUNT(*) FROM sqlite_master";
            await read.ExecuteScalarAsync();
        }
        var before = ReadShared(factory.DatabaseFile);

        var voter = factory.CreateClient();
        for (var i = 0; i < tokens.Count; i++)
        {
            var ballot = BallotAll(review, i < 10 ? "好" : "差");
            Assert.Equal(HttpStatusCode.Created, (await voter.PostAsJsonAsync($"/api/ballots/{tokens[i]}", ballot)).StatusCode);
        }
        var wal = SqliteWal.Parse(ReadShared(factory.DatabaseFile + "-wal"));
        await snapshot.RollbackAsync();

        var casts = new List<string>();
        Dictionary<string, List<string>>? previous = null;
        await wal.Replay(before, factory.Folder, async (commit, db) =>
        {
            // No commit holds a count, a plaintext rating or a secret that opens the ciphertexts.
            Assert.Equal("0", await ScalarAsync(db, $"SELECT COUNT(*) FROM BallotTallies WHERE CampaignId = {review.Id}"));
            Assert.Equal("0", await ScalarAsync(db, $"SELECT COUNT(*) FROM ReviewTrustees WHERE CampaignId = {review.Id} AND ServerSecret IS NOT NULL"));
            Assert.Equal("0", await ScalarAsync(db, "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE '%Rating%'"));
            var state = await DumpAsync(db);
            if (previous is not null)
            {
                var change = Change(previous, state);
                if (change.Contains("SealedBallots", StringComparison.Ordinal))
                {
                    casts.Add(change);
                }
            }
            previous = state;
        });

        // Each ballot was one commit; what each commit changed, its random and sealed bytes aside, is the same whether
        // the ballot gave 好 to everyone or 差 to everyone: nothing in the log tells the two apart.
        Assert.Equal(20, casts.Count);
        Assert.Single(casts.Distinct());
        Assert.Contains("+SealedBallots", casts[0]);
        Assert.Contains("-BallotTokens", casts[0]);
    }

    [Fact]
    public async Task AfterTally_CampaignWithoutTrustees_NoKeyOfTheMeetingInAnyFile()
    {
        var admin = await factory.ClientForAsync("admin");
        var review = await CreateOpenAsync(admin, "销毁密钥 " + Guid.NewGuid().ToString("N")[..6], 2, "社区干部");
        var voter = factory.CreateClient();
        foreach (var (token, i) in (await IssueAsync(admin, review, 0, 3)).Select((t, i) => (t, i)))
        {
            Assert.Equal(HttpStatusCode.Created, (await voter.PostAsJsonAsync($"/api/ballots/{token}", BallotFor(review, i))).StatusCode);
        }
        byte[] tokenKey, serverSecret;
        await using (var db = await OpenAsync(factory.DatabaseFile))
        {
            tokenKey = Convert.FromHexString(await ScalarAsync(db, $"SELECT hex(TokenKey) FROM ReviewCampaigns WHERE Id = {review.Id}"));
            serverSecret = Encoding.UTF8.GetBytes(await ScalarAsync(db, $"SELECT ServerSecret FROM ReviewTrustees WHERE CampaignId = {review.Id}"));
        }
        Assert.Equal(32, tokenKey.Length);
        Assert.NotEmpty(serverSecret);
        var files = new[] { factory.DatabaseFile, factory.DatabaseFile + "-wal", factory.DatabaseFile + "-shm" };
        // The test can see them while voting is open: the search below would find them.
        Assert.Contains(files.Where(File.Exists), f => Contains(ReadShared(f), tokenKey));
        Assert.Contains(files.Where(File.Exists), f => Contains(ReadShared(f), serverSecret));

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/reviews/{review.Id}/close", null)).StatusCode);

        foreach (var file in files.Where(File.Exists))
        {
            var bytes = ReadShared(file);
            Assert.False(Contains(bytes, tokenKey), $"{Path.GetFileName(file)} still holds the token key");
            Assert.False(Contains(bytes, serverSecret), $"{Path.GetFileName(file)} still holds the server's share");
        }
    }

    /// <summary>Every row of every table, by table; blobs by length and hash.</summary>
    private static async Task<Dictionary<string, List<string>>> DumpAsync(SqliteConnection db)
    {
        var tables = new List<string>();
        await using (var list = db.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var dump = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            await using var select = db.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(c => reader.GetName(c) + "=" + Cell(table, reader.GetName(c), reader.GetValue(c)))));
            }
            dump[table] = rows;
        }
        return dump;
    }

    /// <summary>A column's value as the comparison sees it: random keys, HMACs and sealed bytes as their kind and length only.</summary>
    private static string Cell(string table, string column, object value) => (table, column) switch
    {
        ("SealedBallots", "Id" or "Receipt") or ("BallotTokens", "Id" or "Hash") => "<random>",
        (_, _) when value is byte[] bytes => $"<{bytes.Length} bytes>",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>The rows one commit removed and added, by table, in a fixed order.</summary>
    private static string Change(Dictionary<string, List<string>> before, Dictionary<string, List<string>> after)
    {
        var lines = new List<string>();
        foreach (var table in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var old = before.GetValueOrDefault(table) ?? [];
            var now = after.GetValueOrDefault(table) ?? [];
            lines.AddRange(Minus(old, now).Select(r => $"-{table} {r}"));
            lines.AddRange(Minus(now, old).Select(r => $"+{table} {r}"));
        }
        return string.Join("\n", lines.Order(StringComparer.Ordinal));
    }

    private static List<string> Minus(List<string> a, List<string> b)
    {
        var left = a.GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
        foreach (var r in b.Where(left.ContainsKey))
        {
            left[r]--;
        }
        return [.. left.Where(p => p.Value > 0).SelectMany(p => Enumerable.Repeat(p.Key, p.Value))];
    }

    private async Task CheckpointAsync()
    {
        await using var db = await OpenAsync(factory.DatabaseFile);
        await using var command = db.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(0, reader.GetInt32(0));
    }

    private static async Task<SqliteConnection> OpenAsync(string file)
    {
        var db = new SqliteConnection($"Data Source={file};Pooling=False");
        await db.OpenAsync();
        return db;
    }

    private static async Task<string> ScalarAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>A file the server has open, read as a copy would read it.</summary>
    private static byte[] ReadShared(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
