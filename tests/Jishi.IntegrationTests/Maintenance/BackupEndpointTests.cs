using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Features.Accounts;

namespace Jishi.IntegrationTests.Maintenance;

public sealed class BackupEndpointTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    [Fact]
    public async Task BackupNow_Admin_ListedAndDownloadedByteForByte()
    {
        var admin = await factory.ClientForAsync("admin");

        var created = await admin.PostAsync(BackupApi.Backups, null);

        // A host of its own, with no daily backup: this is the only backup of the minute.
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var overview = await admin.OverviewAsync();
        var newest = overview.Backups[0];
        Assert.Equal(newest, await created.Content.ReadFromJsonAsync<BackupFileRow>());
        var path = Path.Combine(factory.BackupFolder, newest.Name);
        Assert.Equal(new FileInfo(path).Length, newest.Size);
        var download = await admin.GetAsync($"{BackupApi.Backups}/{newest.Name}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(await File.ReadAllBytesAsync(path), await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(newest.Name, download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Theory]
    [InlineData("..%2Fjishi-20261207-0230.db", HttpStatusCode.BadRequest)]
    [InlineData("..%5Cjishi-20261207-0230.db", HttpStatusCode.BadRequest)]
    [InlineData("jishi.db", HttpStatusCode.BadRequest)]
    [InlineData("appsettings.json", HttpStatusCode.BadRequest)]
    [InlineData("jishi-19990101-0000.db", HttpStatusCode.NotFound)]
    public async Task Download_NotABackupOfTheFolder_Refused(string name, HttpStatusCode expected)
    {
        var admin = await factory.ClientForAsync("admin");

        var answer = await admin.GetAsync($"{BackupApi.Backups}/{name}");

        Assert.Equal(expected, answer.StatusCode);
    }

    [Fact]
    public async Task Backups_Member_Forbidden()
    {
        var community = await factory.CommunityOfAsync("sq01");
        var member = await factory.ClientForNewAccountAsync(Roles.Member, community.Id);

        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(BackupApi.Backups)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync(BackupApi.Backups, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"{BackupApi.Backups}/jishi-20261207-0230.db")).StatusCode);
    }
}
