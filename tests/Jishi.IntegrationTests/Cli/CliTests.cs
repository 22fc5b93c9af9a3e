using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jishi.Web.Data;
using Jishi.Web.Features.Cli;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Jishi.IntegrationTests.Infrastructure;

namespace Jishi.IntegrationTests.Cli;

[Trait(Suites.Key, Suites.Cli)]
public sealed partial class CliTests(SqliteFactory factory, ITestOutputHelper output) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task Backup_WhileApiWritesMembers_RestoreHoldsEveryAcknowledgedMember()
    {
        var client = await factory.ClientForAsync("admin");
        var units = await client.GetFromJsonAsync<List<UnitRow>>("/api/units");
        var branch = units!.First(u => u.Kind == "Branch").Id;
        var acknowledged = new ConcurrentQueue<int>();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested || i < 300; i++)
            {
                var response = await client.PostAsJsonAsync("/api/members", new
                {
                    name = $"备份测试{i}", gender = i % 2 == 0 ? "男" : "女", unitId = branch, category = "Full",
                    joinedOn = "1990-07-01", fullMemberOn = "1991-07-01", tier = "在职", status = "Active",
                });
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                acknowledged.Enqueue((await response.Content.ReadFromJsonAsync<Created>())!.Id);
            }
        });
        while (acknowledged.Count < 100)
        {
            await Task.Delay(20);
        }
        var beforeBackup = acknowledged.ToArray();
        var backupFile = factory.PathFor("backup.db");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var backup = await JishiProcess.RunAsync(factory.DatabaseFile, null, "backup", backupFile);
        var duringBackup = acknowledged.Count - beforeBackup.Length;
        output.WriteLine($"{beforeBackup.Length} members acknowledged before the backup, {duringBackup} while the backup process ran ({clock.ElapsedMilliseconds} ms)");
        await stop.CancelAsync();
        await writer;

        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.True(duringBackup > 0, "the API kept writing while the backup ran");
        var restoredFile = factory.PathFor("restored.db");
        var restore = await JishiProcess.RunAsync(restoredFile, null, "restore", backupFile, "--yes");
        Assert.True(restore.ExitCode == 0, restore.Error);
        await using var restored = await OpenAsync(restoredFile);
        Assert.Equal(["ok"], await QueryAsync(restored, "PRAGMA integrity_check"));
        var ids = (await QueryAsync(restored, "SELECT Id FROM Members")).Select(int.Parse).ToHashSet();
        Assert.Subset(ids, beforeBackup.ToHashSet());
    }

    [Fact]
    public async Task Restore_IntoRunningServer_ApiSeesTheBackedUpData()
    {
        var client = await factory.ClientForAsync("admin");
        var branch = (await client.GetFromJsonAsync<List<UnitRow>>("/api/units"))!.First(u => u.Kind == "Branch").Id;
        var backupFile = factory.PathFor("live.db");
        Assert.Equal(0, (await JishiProcess.RunAsync(factory.DatabaseFile, null, "backup", backupFile)).ExitCode);
        var afterBackup = await client.PostAsJsonAsync("/api/members", new
        {
            name = "备份之后", gender = "女", unitId = branch, category = "Full", joinedOn = "2001-07-01", fullMemberOn = "2002-07-01",
            tier = "在职", status = "Active",
        });
        var id = (await afterBackup.Content.ReadFromJsonAsync<Created>())!.Id;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/members/{id}")).StatusCode);

        var restore = await JishiProcess.RunAsync(factory.DatabaseFile, null, "restore", backupFile, "--yes");

        Assert.True(restore.ExitCode == 0, restore.Error);
        Assert.Contains("请重启", restore.Output);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/members/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/units")).StatusCode);
    }

    [Theory]
    [InlineData("random", "不是 SQLite 数据库文件")]
    [InlineData("empty", "是空文件")]
    [InlineData("other-sqlite", "不是基石的数据库")]
    public async Task Restore_NotAJishiBackup_RefusesAndLeavesDatabaseAlone(string kind, string message)
    {
        var file = factory.PathFor(kind + ".bin");
        switch (kind)
        {
            case "random":
                await File.WriteAllBytesAsync(file, System.Security.Cryptography.RandomNumberGenerator.GetBytes(64 * 1024));
                break;
            case "empty":
                await File.WriteAllBytesAsync(file, []);
                break;
            default:
                await using (var other = await OpenAsync(file))
                {
                    await ExecuteAsync(other, "CREATE TABLE Members (Id INTEGER PRIMARY KEY, Name TEXT); INSERT INTO Members VALUES (1, '张三')");
                }
                break;
        }
        var target = factory.PathFor(kind + "-target.db");

        var restore = await JishiProcess.RunAsync(target, null, "restore", file, "--yes");

        Assert.NotEqual(0, restore.ExitCode);
        Assert.Contains(message, restore.Error);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task Restore_BackupFromNewerSchema_Refuses()
    {
        var newer = factory.PathFor("newer.db");
        Assert.Equal(0, (await JishiProcess.RunAsync(newer, null, "migrate")).ExitCode);
        await using (var db = await OpenAsync(newer))
        {
            await ExecuteAsync(db, "INSERT INTO __EFMigrationsHistory VALUES ('29991231000000_FromTheFuture', '99.0.0')");
        }

        var restore = await JishiProcess.RunAsync(factory.PathFor("newer-target.db"), null, "restore", newer, "--yes");

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("29991231000000_FromTheFuture", restore.Error);
    }

    [Fact]
    public async Task Restore_AnswerNotYes_CancelsWithoutTouchingDatabase()
    {
        var source = factory.PathFor("confirm-source.db");
        Assert.Equal(0, (await JishiProcess.RunAsync(source, null, "migrate")).ExitCode);
        var target = factory.PathFor("confirm-target.db");

        var restore = await JishiProcess.RunAsync(target, "no", "restore", source);

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("确认请输入 yes", restore.Output);
        Assert.Contains("已取消", restore.Error);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task Version_Asked_PrintsTheReleaseVersionAloneAndStartsNoServer()
    {
        var run = await JishiProcess.RunAsync(factory.DatabaseFile, null, "--version");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(typeof(JishiDbContext).Assembly.GetName().Version!.ToString(3), run.Output.Trim());
    }

    [Fact]
    public async Task CreateCertificate_OutGiven_WritesPfxThatLoadsWithThePrintedPassword()
    {
        var file = Path.Combine(Path.GetTempPath(), $"jishi-{Guid.NewGuid():N}.pfx");
        try
        {
            var run = await JishiProcess.RunAsync(factory.DatabaseFile, null, "create-certificate", "--out", file, "--host", "dj.example.cn");
            Assert.True(run.ExitCode == 0, run.Output + run.Error);
            Assert.Contains($"Kestrel__Certificates__Default__Path={file}", run.Output, StringComparison.Ordinal);
            var password = PasswordLine().Match(run.Output).Groups[1].Value.Trim();
            using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(file, password);
            Assert.True(certificate.HasPrivateKey);
            Assert.Contains("dj.example.cn", certificate.Subject, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task InstallService_Print_ShowsTheUnitWithThisDataFolderAndInstallsNothing()
    {
        var run = await JishiProcess.RunWithAsync(new Dictionary<string, string> { ["Jishi__DataDirectory"] = "/srv/jishi-data" }, null,
            "install-service", "--print", "--user", "jishi");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("Type=notify", run.Output, StringComparison.Ordinal);
        Assert.Contains("--Jishi:DataDirectory=/srv/jishi-data", run.Output, StringComparison.Ordinal);
        Assert.Contains("systemctl enable --now jishi", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(JishiCli.SystemdUnitFile) && File.ReadAllText(JishiCli.SystemdUnitFile).Contains("/srv/jishi-data", StringComparison.Ordinal));
    }

    [GeneratedRegex("Kestrel__Certificates__Default__Password=(.+)")]
    private static partial Regex PasswordLine();

    [Fact]
    public async Task Migrate_DataDirectorySet_CreatesTheDatabaseInThatFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "jishi-data-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = await JishiProcess.RunWithAsync(new Dictionary<string, string> { ["Jishi__DataDirectory"] = folder }, null, "migrate");
            Assert.True(run.ExitCode == 0, run.Output + run.Error);
            Assert.True(new FileInfo(Path.Combine(folder, "jishi.db")).Length > 0);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigrationAndLoadsNothing()
    {
        var file = factory.PathFor("empty.db");

        var migrate = await JishiProcess.RunAsync(file, null, "migrate");

        Assert.True(migrate.ExitCode == 0, migrate.Error);
        Assert.Contains("已迁移到最新版本", migrate.Output);
        await using var scope = factory.Services.CreateAsyncScope();
        var known = scope.ServiceProvider.GetRequiredService<JishiDbContext>().Database.GetMigrations();
        await using var db = await OpenAsync(file);
        Assert.Equal(known, await QueryAsync(db, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId"));
        Assert.Equal(["0"], await QueryAsync(db, "SELECT COUNT(*) FROM Units"));
    }

    [Fact]
    public async Task CreateUser_WithoutPassword_PrintsOneThatGetsAToken()
    {
        var admin = await factory.ClientForAsync("admin");
        var community = (await admin.GetFromJsonAsync<List<UnitRow>>("/api/units"))!.First(u => u.Kind == "Community");

        var create = await JishiProcess.RunAsync(factory.DatabaseFile, null,
            "create-user", "--user", "cli-secretary", "--name", "王书记", "--role", "CommunitySecretary", "--unit", community.Id.ToString());

        Assert.True(create.ExitCode == 0, create.Error);
        var password = GeneratedPassword().Match(create.Output).Groups[1].Value;
        var token = await factory.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "cli-secretary", password });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        await using var db = await OpenAsync(factory.DatabaseFile);
        Assert.Equal(["1"], await QueryAsync(db, "SELECT MustChangePassword FROM AspNetUsers WHERE UserName = 'cli-secretary'"));
        Assert.NotEqual(["0"], await QueryAsync(db, "SELECT COUNT(*) FROM AuditEntries WHERE UserName = 'cli' AND Entity = 'AppUser'"));
    }

    [Fact]
    public async Task ImportMembers_GoodAndBadFile_ImportsOrListsRowErrorsAndImportsNothing()
    {
        var admin = await factory.ClientForAsync("admin");
        var community = (await admin.GetFromJsonAsync<List<UnitRow>>("/api/units"))!.First(u => u.Kind == "Community");
        var headers = Jishi.Web.Features.Members.MemberExcelColumns.All.Select(c => c.Header).ToArray();
        object?[] Row(string name, string joined) => [name, "女", "汉族", null, "1980-05-01", "大学本科", "正式党员", "第一党支部", joined,
            null, "社区工作者", "13912340000", null, "七里墩街道 1 号", "正常", "否", null, "否", null, "在职", null, "正常"];
        var good = factory.PathFor("good.xlsx");
        await File.WriteAllBytesAsync(good, new Members.XlsxBuilder().Row(headers).Row(Row("命令行甲", "2005-07-01")).Row(Row("命令行乙", "2006-07-01")).Build());
        var bad = factory.PathFor("bad.xlsx");
        await File.WriteAllBytesAsync(bad, new Members.XlsxBuilder().Row(headers).Row(Row("命令行丙", "2005-07-01")).Row(Row("命令行丁", "2005/13/45")).Build());

        var refused = await JishiProcess.RunAsync(factory.DatabaseFile, null, "import-members", bad, "--unit", community.Id.ToString());
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("第3行", refused.Error);
        Assert.Contains("加入党组织日期", refused.Error);

        var imported = await JishiProcess.RunAsync(factory.DatabaseFile, null, "import-members", good, "--unit", community.Id.ToString());
        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Contains("已导入 2 名党员", imported.Output);
        await using var db = await OpenAsync(factory.DatabaseFile);
        Assert.Equal(["2"], await QueryAsync(db, "SELECT COUNT(*) FROM Members WHERE Name LIKE '命令行%'"));
    }

    [Fact]
    public async Task CreateUser_UnknownUnit_FailsWithChineseMessage()
    {
        factory.StartServer();
        var create = await JishiProcess.RunAsync(factory.DatabaseFile, null,
            "create-user", "--user", "nobody", "--name", "无名", "--role", "Member", "--unit", "999999", "--password", "Valid-Pass-1");

        Assert.Equal(1, create.ExitCode);
        Assert.Contains("党组织不存在", create.Error);
    }

    [Fact]
    public async Task CreateUser_DatabaseNeverMigrated_SaysToMigrateWithoutStackTrace()
    {
        var create = await JishiProcess.RunAsync(factory.PathFor("unmigrated.db"), null,
            "create-user", "--user", "early", "--name", "早到", "--role", "Member", "--unit", "1", "--password", "Valid-Pass-1");

        Assert.Equal(1, create.ExitCode);
        Assert.Contains("请先运行 migrate", create.Error);
        Assert.DoesNotContain("   at ", create.Error);
    }

    [Fact]
    public async Task UnknownCommand_PrintsChineseHelpAndExits2()
    {
        var run = await JishiProcess.RunAsync(factory.PathFor("never.db"), null, "frobnicate");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("backup <FILE>", run.Output);
        Assert.Contains("把数据库备份到文件", run.Output);
        Assert.False(File.Exists(factory.PathFor("never.db")));
    }

    private static async Task<SqliteConnection> OpenAsync(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> QueryAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }
        return rows;
    }

    [GeneratedRegex("初始密码：(\\S+?)（")]
    private static partial Regex GeneratedPassword();

    private sealed record UnitRow(int Id, string Kind, string Name);

    private sealed record Created(int Id);
}
