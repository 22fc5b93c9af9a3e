using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;

namespace Jishi.IntegrationTests.Reviews;

[Collection(ApiCollection.Name)]
public sealed class RectificationTests(JishiFactory factory)
{
    private sealed record SubjectRow(int Id, string Name, int UnitId, string UnitName);
    private sealed record Review(int Id, List<SubjectRow> Subjects);
    private sealed record Task(int Id, int UnitId, string Problem, string Status, bool Overdue, string? VerifiedBy);

    [Fact]
    public async System.Threading.Tasks.Task Rectification_SecretaryWorksStreetVerifies_OtherCommunityCannotSee()
    {
        var admin = await factory.ClientForAsync("admin");
        var review = (await admin.GetFromJsonAsync<Review>("/api/reviews/1"))!;
        var first = review.Subjects[0]; // 七里墩社区党委, secretary sq01
        var created = await admin.PostAsJsonAsync("/api/reviews/1/rectifications",
            new { unitId = first.UnitId, problem = "发展党员工作滞后", owner = first.Name, deadline = "2016-06-30" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var task = (await created.Content.ReadFromJsonAsync<Task>())!;
        Assert.Equal("NotStarted", task.Status);
        Assert.True(task.Overdue); // the demo year is long past

        Assert.Contains((await admin.GetFromJsonAsync<List<Task>>("/api/reviews/1/rectifications"))!, t => t.Id == task.Id);
        var other = await factory.ClientForAsync("sq02");
        Assert.DoesNotContain((await other.GetFromJsonAsync<List<Task>>("/api/rectifications"))!, t => t.Id == task.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/rectifications/{task.Id}/progress", new { measures = "越权" })).StatusCode);

        var owner = await factory.ClientForAsync("sq01");
        var submitted = await owner.PostAsJsonAsync($"/api/rectifications/{task.Id}/progress",
            new { measures = "制定发展计划", evidence = "发展对象 3 名，已公示" });
        Assert.Equal("AwaitingVerification", (await submitted.Content.ReadFromJsonAsync<Task>())!.Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsJsonAsync($"/api/rectifications/{task.Id}/verify", new { accepted = true })).StatusCode);

        var rejected = await admin.PostAsJsonAsync($"/api/rectifications/{task.Id}/verify", new { accepted = false });
        Assert.Equal("InProgress", (await rejected.Content.ReadFromJsonAsync<Task>())!.Status);
        await owner.PostAsJsonAsync($"/api/rectifications/{task.Id}/progress", new { evidence = "补充：3 名已列为积极分子" });
        var closed = (await (await admin.PostAsJsonAsync($"/api/rectifications/{task.Id}/verify", new { accepted = true })).Content.ReadFromJsonAsync<Task>())!;
        Assert.Equal("Closed", closed.Status);
        Assert.False(closed.Overdue);
        Assert.Equal("admin", closed.VerifiedBy);
        var again = await owner.PostAsJsonAsync($"/api/rectifications/{task.Id}/progress", new { measures = "再改" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }
}
