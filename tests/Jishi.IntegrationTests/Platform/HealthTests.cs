using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;

namespace Jishi.IntegrationTests.Platform;

[Collection(ApiCollection.Name)]
public sealed class HealthTests(JishiFactory factory)
{
    [Fact]
    public async Task Healthz_DatabaseAnswers_ReturnsHealthy()
    {
        var response = await factory.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Token_WrongPassword_Returns401WithChineseProblem()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "sq01", password = "wrong-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("用户名或密码错误", body);
    }

    [Fact]
    public async Task Units_AsAdmin_ListsDemoStreetWithNineCommunities()
    {
        var client = await factory.ClientForAsync("admin");
        var units = await client.GetFromJsonAsync<List<UnitRow>>("/api/units");
        Assert.Single(units!, u => u.Kind == "Street" && u.Name == "七里墩街道党工委");
        Assert.Equal(9, units!.Count(u => u.Kind == "Community"));
    }

    private sealed record UnitRow(int Id, int? ParentId, string Kind, string Name);
}
