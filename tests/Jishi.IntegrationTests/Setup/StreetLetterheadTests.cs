using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using static Jishi.IntegrationTests.Reviews.ReviewApi;

namespace Jishi.IntegrationTests.Setup;

public sealed class StreetLetterheadTests(FreshStreetFactory factory) : IClassFixture<FreshStreetFactory>
{
    [Fact]
    public async Task Summary_StreetNamedInGuide_HeadsWithDistrictAndStreet()
    {
        var admin = await factory.ClientForAsync("admin");
        var named = await admin.PostAsJsonAsync("/api/setup/street", new { name = "东岗街道党工委", district = "城关区" });
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        var street = (await admin.GetFromJsonAsync<List<UnitRow>>("/api/units"))!.Single();
        Assert.Equal("东岗街道党工委", street.Name);
        var community = await admin.PostAsJsonAsync("/api/units", new { parentId = street.Id, kind = "Community", name = "东岗社区党委" });
        Assert.Equal(HttpStatusCode.Created, community.StatusCode);

        var review = await CreateOpenAsync(admin, "东岗街道述职评议", 1, "社区干部");
        var token = Assert.Single(await IssueAsync(admin, review, 0, 1));
        Assert.True((await factory.CreateClient().PostAsJsonAsync($"/api/ballots/{token}", BallotAll(review, "好"))).IsSuccessStatusCode);
        await admin.PostAsync($"/api/reviews/{review.Id}/close", null);

        var sheet = await admin.GetStringAsync($"/reviews/{review.Id}/summary");
        Assert.Contains("<p class=\"letterhead\" id=\"street-letterhead\">城关区 东岗街道党工委</p>", sheet);
    }
}
