using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using static Jishi.IntegrationTests.Reviews.ReviewApi;

namespace Jishi.IntegrationTests.Reviews;

/// <summary>PUT /api/reviews/{id}: a draft's title, meeting date, weights and voter groups, until voting opens; and the copy
/// for next year on the meeting date asked for.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReviewDraftEditTests(JishiFactory factory)
{
    private sealed record Draft(int Id, string Title, DateOnly MeetingDate, string Status, double BallotWeight, List<GroupRow> VoterGroups);

    private static string Title(string what) => what + " " + Guid.NewGuid().ToString("N")[..6];

    private static Task<HttpResponseMessage> EditAsync(HttpClient admin, int id, string title, string? meetingDate, double ballotWeight,
        params object[] voterGroups) =>
        admin.PutAsJsonAsync($"/api/reviews/{id}", new { title, meetingDate, ballotWeight, voterGroups });

    [Fact]
    public async Task Edit_Draft_200ChangesTitleDateWeightsAndGroups()
    {
        var admin = await factory.ClientForAsync("admin");
        var review = await CreateDraftAsync(admin, Title("草稿编辑"), 2, "街道党工委成员", "社区干部", "各站所负责人");
        var (kept, dropped, renamed) = (review.VoterGroups[0], review.VoterGroups[1], review.VoterGroups[2]);
        // Codes printed for a group before the edit stay valid: the group keeps its id under its new name.
        await IssueAsync(admin, review, 2, 2);
        var title = Title("2016年度述职评议（改）");

        var edited = await EditAsync(admin, review.Id, "  " + title + " ", "2017-02-20", 0.3,
            new { id = kept.Id, name = kept.Name, weight = 0.5, headCount = 12 },
            new { id = renamed.Id, name = "站所负责人", weight = 0.2, headCount = 18 },
            new { name = "党员代表", weight = 0.3, headCount = 40 });

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        // The campaign as GET returns it.
        var json = await edited.Content.ReadAsStringAsync();
        Assert.Equal(await admin.GetStringAsync($"/api/reviews/{review.Id}"), json);
        var answer = System.Text.Json.JsonSerializer.Deserialize<Draft>(json, System.Text.Json.JsonSerializerOptions.Web)!;
        Assert.Equal((title, new DateOnly(2017, 2, 20), "Draft", 0.3), (answer.Title, answer.MeetingDate, answer.Status, answer.BallotWeight));
        Assert.Equal(["街道党工委成员", "站所负责人", "党员代表"], answer.VoterGroups.Select(g => g.Name));
        Assert.Equal([0.5, 0.2, 0.3], answer.VoterGroups.Select(g => g.Weight));
        Assert.Equal([12, 18, 40], answer.VoterGroups.Select(g => g.HeadCount));
        Assert.Equal(renamed.Id, answer.VoterGroups[1].Id);
        Assert.DoesNotContain(answer.VoterGroups, g => g.Id == dropped.Id);
        var turnout = await admin.GetStringAsync($"/api/reviews/{review.Id}/turnout");
        Assert.Contains("站所负责人", turnout);

        // The edited draft opens with tallies for the groups it has now.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/reviews/{review.Id}/open", null)).StatusCode);
    }

    [Fact]
    public async Task Edit_LeavesOutGroupWithCodes_409NothingChanged()
    {
        var admin = await factory.ClientForAsync("admin");
        var review = await CreateDraftAsync(admin, Title("有测评码"), 1, "街道党工委成员", "社区干部");
        await IssueAsync(admin, review, 1, 1);
        var kept = review.VoterGroups[0];

        var refused = await EditAsync(admin, review.Id, "改名", "2017-02-20", 0.4, new { id = kept.Id, name = kept.Name, weight = 1, headCount = 30 });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("已为评议人类别「社区干部」生成测评码，不能删除", await refused.Content.ReadAsStringAsync());
        var unchanged = (await admin.GetFromJsonAsync<Draft>($"/api/reviews/{review.Id}"))!;
        Assert.Equal(review.Title, unchanged.Title);
        Assert.Equal(2, unchanged.VoterGroups.Count);
    }

    [Fact]
    public async Task Edit_AfterOpen_409()
    {
        var admin = await factory.ClientForAsync("admin");
        var review = await CreateOpenAsync(admin, Title("已开始"), 1, "社区干部");
        var group = review.VoterGroups[0];

        var refused = await EditAsync(admin, review.Id, "改名", "2017-02-20", 0.4, new { id = group.Id, name = group.Name, weight = 2, headCount = 30 });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("评议处于「投票中」状态，不能修改评议设置", await refused.Content.ReadAsStringAsync());
        var unchanged = (await admin.GetFromJsonAsync<Draft>($"/api/reviews/{review.Id}"))!;
        Assert.Equal((review.Title, 1.0), (unchanged.Title, unchanged.VoterGroups[0].Weight));
    }

    [Fact]
    public async Task Edit_BadWeightsOrNoDate_400NothingChanged()
    {
        var admin = await factory.ClientForAsync("admin");
        var review = await CreateDraftAsync(admin, Title("权重有误"), 1, "街道党工委成员", "社区干部");
        var (first, second) = (review.VoterGroups[0], review.VoterGroups[1]);

        var zeroWeight = await EditAsync(admin, review.Id, review.Title, "2017-02-20", 0.4,
            new { id = first.Id, name = first.Name, weight = 0, headCount = 30 }, new { id = second.Id, name = second.Name, weight = 1, headCount = -1 });
        var ballotWeight = await EditAsync(admin, review.Id, review.Title, "2017-02-20", 1.5, new { id = first.Id, name = first.Name, weight = 1, headCount = 30 });
        var noGroups = await EditAsync(admin, review.Id, review.Title, "2017-02-20", 0.4);
        var noDate = await EditAsync(admin, review.Id, review.Title, null, 0.4, new { id = first.Id, name = first.Name, weight = 1, headCount = 30 });

        Assert.All(new[] { zeroWeight, ballotWeight, noGroups, noDate }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Contains("权重须大于 0", await zeroWeight.Content.ReadAsStringAsync());
        Assert.Contains("测评票权重应在 0 到 1 之间", await ballotWeight.Content.ReadAsStringAsync());
        Assert.Contains("请至少设置一个评议人类别", await noGroups.Content.ReadAsStringAsync());
        Assert.Contains("请选择会议日期", await noDate.Content.ReadAsStringAsync());
        var unchanged = (await admin.GetFromJsonAsync<Draft>($"/api/reviews/{review.Id}"))!;
        Assert.Equal([1.0, 2.0], unchanged.VoterGroups.Select(g => g.Weight));
        Assert.Equal([30, 30], unchanged.VoterGroups.Select(g => g.HeadCount));
        Assert.Equal(0.4, unchanged.BallotWeight);
    }

    [Fact]
    public async Task Copy_MeetingDateGiven_CopyOnThatDate_MissingDate400()
    {
        var admin = await factory.ClientForAsync("admin");
        var review = await CreateDraftAsync(admin, Title("复制来源"), 1, "社区干部");

        var missing = await admin.PostAsJsonAsync($"/api/reviews/{review.Id}/copy", new { title = Title("2017年度"), year = 2017 });
        var copied = await admin.PostAsJsonAsync($"/api/reviews/{review.Id}/copy", new { title = Title("2017年度"), year = 2017, meetingDate = "2018-02-13" });

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("请选择会议日期", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, copied.StatusCode);
        Assert.Equal(new DateOnly(2018, 2, 13), (await copied.Content.ReadFromJsonAsync<Draft>())!.MeetingDate);
    }
}
