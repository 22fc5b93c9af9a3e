using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;

namespace Jishi.IntegrationTests.Members;

[Collection(ApiCollection.Name)]
public sealed class TierTests(JishiFactory factory)
{
    [Fact]
    public async Task AddTier_AsStreetAdmin_IsListedAndTwiceIsConflict()
    {
        var admin = await factory.ClientForAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/tiers/manage", new { name = "骨干党员" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("骨干党员", (await admin.GetFromJsonAsync<List<string>>("/api/tiers"))!);

        var again = await admin.PostAsJsonAsync("/api/tiers/manage", new { name = "骨干党员" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("已存在", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RetireTier_NoLongerOffered_MembersKeepIt()
    {
        var admin = await factory.ClientForAsync("admin");
        await admin.PostAsJsonAsync("/api/tiers/manage", new { name = "临时类别" });
        var retired = await admin.PostAsync("/api/tiers/manage/临时类别/retire", null);
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.DoesNotContain("临时类别", (await admin.GetFromJsonAsync<List<string>>("/api/tiers"))!);
    }

    [Fact]
    public async Task ManageTiers_AsCommunitySecretary_Forbidden()
    {
        var secretary = await factory.ClientForAsync("sq01");
        var response = await secretary.PostAsJsonAsync("/api/tiers/manage", new { name = "越权类别" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
