using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Features.Points;

namespace Jishi.IntegrationTests.Points;

/// <summary>The street changes its rules by versions: draft, revise, preview on a past year, adopt; entries keep the
/// version that produced them.</summary>
[Collection(ApiCollection.Name)]
public sealed class RuleSetTests(JishiFactory factory)
{
    private sealed record RuleSetRow(int Id, string Tier, int Year, int Version, string Status, decimal BaseScore, string StarThresholds, List<RuleRow> Rules);

    private sealed record PreviewRowDto(int MemberId, decimal CurrentScore, int CurrentStars, decimal PreviewScore, int PreviewStars);

    private sealed record PreviewDto(int Year, int Members, int StarsUp, int StarsDown, List<PreviewRowDto> Rows);

    [Fact]
    public async Task Draft_RevisePreviewAdopt_NewEntriesUseVersion2OldKeepVersion1()
    {
        var admin = await factory.ClientForAsync("admin");
        var secretary = await factory.ClientForAsync("sq01");
        var member = (await factory.MembersAsync("sq01"))[9];
        var first = await (await secretary.PostEntryAsync(member, RuleCodes.ThemeDay, occurredOn: "2025-02-01")).Content.ReadFromJsonAsync<EntryCreatedRow>();

        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostAsJsonAsync("/api/points/rulesets", new { tier = "在职", year = 2025 })).StatusCode);
        var drafted = await admin.PostAsJsonAsync("/api/points/rulesets", new { tier = "在职", year = 2025 });
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var draft = (await drafted.Content.ReadFromJsonAsync<RuleSetRow>())!;
        Assert.Equal((2, "Draft"), (draft.Version, draft.Status));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/points/rulesets", new { tier = "在职", year = 2025 })).StatusCode);

        var rules = draft.Rules.Select(r => r.Code == RuleCodes.ThemeDay ? r with { Points = 3 } : r).ToList();
        var invalid = await admin.PutAsJsonAsync($"/api/points/rulesets/{draft.Id}", new { baseScore = 65, starThresholds = "60,70", rules });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var revised = await admin.PutAsJsonAsync($"/api/points/rulesets/{draft.Id}", new { baseScore = 65, starThresholds = "65,75,85,92,98", rules });
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);

        // The 2016 demo under the draft: a higher base, theme days worth less, stars harder to reach.
        var preview = await admin.GetFromJsonAsync<PreviewDto>($"/api/points/rulesets/{draft.Id}/preview?year=2016");
        Assert.Equal(2016, preview!.Year);
        Assert.True(preview.Members > 100);
        Assert.Equal(preview.Members, preview.Rows.Count);
        Assert.Contains(preview.Rows, r => r.PreviewScore != r.CurrentScore);
        Assert.True(preview.StarsDown > 0);
        Assert.Equal(5m, (await secretary.GetFromJsonAsync<List<RuleRow>>("/api/points/rules?tier=在职&year=2025"))!
            .Single(r => r.Code == RuleCodes.ThemeDay).Points);

        var adopted = await admin.PostAsync($"/api/points/rulesets/{draft.Id}/adopt", null);
        Assert.Equal(HttpStatusCode.OK, adopted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/points/rulesets/{draft.Id}/adopt", null)).StatusCode);
        Assert.Equal(3m, (await secretary.GetFromJsonAsync<List<RuleRow>>("/api/points/rules?tier=在职&year=2025"))!.Single(r => r.Code == RuleCodes.ThemeDay).Points);
        var second = await (await secretary.PostEntryAsync(member, RuleCodes.ThemeDay, occurredOn: "2025-03-01")).Content.ReadFromJsonAsync<EntryCreatedRow>();
        Assert.Equal(3m, second!.Points);

        var statement = await secretary.GetFromJsonAsync<MemberPointsRow>($"/api/members/{member}/points?year=2025");
        Assert.Equal(1, statement!.Entries.Single(e => e.Id == first!.Id).RuleVersion);
        Assert.Equal(2, statement.Entries.Single(e => e.Id == second.Id).RuleVersion);
        var versions = await admin.GetFromJsonAsync<List<RuleSetRow>>("/api/points/rulesets?year=2025");
        Assert.Equal(["Current", "Retired"], versions!.Where(v => v.Tier == "在职").Select(v => v.Status));
    }
}
