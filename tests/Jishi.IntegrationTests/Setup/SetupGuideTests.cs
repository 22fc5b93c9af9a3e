using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Data;
using Jishi.Web.Features.Points;
using Jishi.Web.Features.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jishi.IntegrationTests.Setup;

public sealed class SetupGuideTests(FreshStreetFactory factory) : IClassFixture<FreshStreetFactory>
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task Guide_FreshStreetWalkedThrough_StateFollowsDataAndChoices()
    {
        var admin = await factory.ClientForAsync("admin");
        var status = await StatusAsync(admin.GetAsync("/api/setup"));
        Assert.True(status.Started);
        Assert.True(status.Prompt);
        Assert.Equal(0, status.Done);
        Assert.Equal(6, status.Total);
        Assert.Equal(SetupStep.Street, status.Next);
        Assert.All(status.Steps, s => Assert.Equal(StepState.Todo, s.State));

        var refused = await admin.PostAsJsonAsync("/api/setup/street", new { name = "东岗街道党工委", district = " " });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("所属区", await refused.Content.ReadAsStringAsync());

        status = await StatusAsync(admin.PostAsJsonAsync("/api/setup/street", new { name = "东岗街道党工委", district = "城关区" }));
        Assert.Equal(StepState.Done, StateOf(status, SetupStep.Street));
        Assert.Equal(("东岗街道党工委", "城关区"), (status.StreetName, status.District));
        Assert.Equal(SetupStep.Units, status.Next);

        status = await StatusAsync(admin.PostAsync("/api/setup/steps/Units/skip", null));
        Assert.Equal(StepState.Skipped, StateOf(status, SetupStep.Units));
        Assert.Equal(SetupStep.Members, status.Next);
        Assert.Equal(1, status.Done);

        // The data decides: a community created after the step was skipped makes it done.
        var created = await admin.PostAsJsonAsync("/api/units", new { parentId = status.StreetId, kind = "Community", name = "东岗社区党委" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        status = await StatusAsync(admin.GetAsync("/api/setup"));
        Assert.Equal(StepState.Done, StateOf(status, SetupStep.Units));

        status = await StatusAsync(admin.PostAsync("/api/setup/tiers/confirm", null));
        Assert.Equal(StepState.Done, StateOf(status, SetupStep.Tiers));

        status = await StatusAsync(admin.PostAsync("/api/setup/rule-sets/defaults", null));
        Assert.Equal(StepState.Done, StateOf(status, SetupStep.RuleSets));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JishiDbContext>();
            var tiers = await db.MemberTiers.CountAsync(t => t.IsActive);
            Assert.Equal(tiers, await db.RuleSets.CountAsync(s => s.StreetId == status.StreetId && s.Year == status.Year
                && s.Status == RuleSetStatus.Current && s.Version == 1));
        }
        // Choosing the defaults again leaves the year's sets as they are.
        status = await StatusAsync(admin.PostAsync("/api/setup/rule-sets/defaults", null));
        Assert.Equal(4, status.Done);

        await StatusAsync(admin.PostAsync("/api/setup/steps/Members/skip", null));
        status = await StatusAsync(admin.PostAsync("/api/setup/steps/Accounts/skip", null));
        Assert.Null(status.Next);
        Assert.False(status.Prompt);
        Assert.False(status.Complete);

        status = await StatusAsync(admin.PostAsync("/api/setup/steps/Accounts/resume", null));
        Assert.Equal(SetupStep.Accounts, status.Next);
        Assert.True(status.Prompt);

        status = await StatusAsync(admin.PostAsync("/api/setup/dismiss", null));
        Assert.True(status.Dismissed);
        Assert.False(status.Prompt);
        Assert.Equal(4, status.Done);
    }

    internal static async Task<SetupStatusDto> StatusAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SetupStatusDto>(Json))!;
    }

    private static StepState StateOf(SetupStatusDto status, SetupStep step) => status.Steps.Single(s => s.Step == step).State;
}

[Collection(ApiCollection.Name)]
public sealed class SetupGuideDemoTests(JishiFactory factory)
{
    [Fact]
    public async Task Guide_DemoStreet_NotStartedAndNotPrompting()
    {
        var admin = await factory.ClientForAsync("admin");
        var status = await SetupGuideTests.StatusAsync(admin.GetAsync("/api/setup"));
        Assert.False(status.Started);
        Assert.False(status.Prompt);
        Assert.Equal(StepState.Done, status.Steps.Single(s => s.Step == SetupStep.Members).State);
    }

    [Fact]
    public async Task Guide_CommunitySecretary_Forbidden()
    {
        var secretary = await factory.ClientForAsync("sq02");
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync("/api/setup")).StatusCode);
    }
}
