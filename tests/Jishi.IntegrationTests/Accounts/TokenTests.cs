using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Features.Accounts;

namespace Jishi.IntegrationTests.Accounts;

[Collection(ApiCollection.Name)]
public sealed class TokenTests(JishiFactory factory)
{
    [Fact]
    public async Task Token_RightPassword_Returns200WithTokenAndExpiry()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "sq01", password = JishiFactory.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["accessToken", "expiresAt"], json.RootElement.EnumerateObject().Select(p => p.Name).Order());
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("accessToken").GetString()));
        var expiresAt = json.RootElement.GetProperty("expiresAt").GetString()!;
        Assert.EndsWith("Z", expiresAt);
        Assert.InRange(DateTime.Parse(expiresAt, null, System.Globalization.DateTimeStyles.RoundtripKind), factory.Clock.GetUtcNow().UtcDateTime.AddHours(1), factory.Clock.GetUtcNow().UtcDateTime.AddDays(2));
    }

    [Fact]
    public async Task Token_UnknownUser_Returns401()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "nobody", password = "whatever-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("用户名或密码错误", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Token_IssuedToken_OpensProtectedEndpoint()
    {
        var anonymous = await factory.CreateClient().GetAsync("/api/units");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var client = await factory.ClientForAsync("sq01");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/units")).StatusCode);
    }

    [Fact]
    public async Task Token_FiveWrongPasswords_LocksAccountSoRightPasswordAnswers429()
    {
        // A dedicated account, so that locking it out cannot disturb the other tests; in the demo street (the first one: other
        // tests add streets, and PostgreSQL returns rows in no particular order).
        var street = await factory.WithDbAsync(db => Task.FromResult(db.Units.OrderBy(u => u.Id).First(u => u.ParentId == null)));
        var userName = "lockout-" + Guid.NewGuid().ToString("N")[..8];
        var admin = await factory.ClientForAsync("admin");
        (await admin.PostAsJsonAsync("/api/accounts", new
        {
            userName, displayName = "锁定测试", password = TestData.AccountPassword, role = Roles.BranchSecretary, unitId = street.Id,
        })).EnsureSuccessStatusCode();
        var client = factory.CreateClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = "wrong-password" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        var fifth = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = "wrong-password" });
        Assert.Contains(fifth.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests });

        var sixth = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = TestData.AccountPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        var problem = await sixth.Content.ReadFromJsonAsync<ProblemRow>();
        Assert.Contains("锁定", problem!.Detail);
    }
}
