using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Jishi.IntegrationTests.Abuse;

/// <summary>The bugs the corpus found, one case each, with the message the caller now reads.</summary>
[Trait(Suites.Key, Suites.Abuse)]
[Collection(AbuseCollection.Name)]
public sealed class ProblemTests(JishiFactory factory)
{
    private static async Task<ProblemRow> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ProblemRow>())!;
    }

    [Fact]
    public async Task Post_MalformedJson_400SayingTheRequestCannotBeRead()
    {
        var client = await factory.ClientForAsync("admin");

        var problem = await ProblemAsync(await client.PostAsync("/api/members", new StringContent("{\"name\": \"张", Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest);

        Assert.Equal(("请求有误", "提交的内容无法识别：请检查格式，数字、日期等栏目须填写相应类型的值"), (problem.Title, problem.Detail));
    }

    [Theory]
    [InlineData("/api/activities?year=99999")]
    [InlineData("/api/dashboard?year=-1")]
    [InlineData("/api/publicity?year=10000")]
    public async Task Get_YearOutOfRange_400InsteadOf500(string url)
    {
        var client = await factory.ClientForAsync("admin");

        var problem = await ProblemAsync(await client.GetAsync(url), HttpStatusCode.BadRequest);

        Assert.Equal("年份应在 1900–2100 之间", problem.Detail);
    }

    [Fact]
    public async Task GetAudit_ToLastDayThereIs_200InsteadOf500()
    {
        var client = await factory.ClientForAsync("admin");

        using var response = await client.GetAsync("/api/audit?to=9999-12-31");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AddTier_WithoutName_400InsteadOf500()
    {
        var client = await factory.ClientForAsync("admin");

        var problem = await ProblemAsync(await client.PostAsJsonAsync("/api/tiers/manage", new { }), HttpStatusCode.BadRequest);

        Assert.Equal("分层类别名称应为 1–20 个字", Assert.Single(problem.Errors!["name"]));
    }

    [Fact]
    public async Task ResetPassword_Weak_ReasonsInChinese()
    {
        var admin = await factory.ClientForAsync("admin");
        var community = await factory.CommunityOfAsync("sq01");
        await factory.ClientForNewAccountAsync(Roles.BranchSecretary, community.Id);
        var account = await factory.WithDbAsync(db => db.Users.MaxAsync(u => u.Id));

        var problem = await ProblemAsync(await admin.PostAsJsonAsync($"/api/accounts/{account}/reset-password", new { password = "abc" }),
            HttpStatusCode.BadRequest);

        Assert.Equal(["密码至少 8 位", "密码须包含数字"], problem.Errors!["password"]);
    }

    [Fact]
    public async Task ImportMembers_ZipBomb_RefusedAtOnce()
    {
        var client = await factory.ClientForAsync("admin");
        var bomb = Corpus.ZipBomb();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bomb), "file", "roster.xlsx" } };
        var clock = Stopwatch.StartNew();

        using var response = await client.PostAsync("/api/members/import", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await AbuseHost.ProblemWithAsync(response));
        Assert.True(bomb.Length < 5 * 1024 * 1024, $"the bomb is {bomb.Length} bytes");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }
}
