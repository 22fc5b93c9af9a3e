using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.IntegrationTests.Points;
using Jishi.Web.Features.Points;

namespace Jishi.IntegrationTests.Abuse;

/// <summary>Markup stored as text comes back as text: a community renamed with a script in its name, a wish and a points note
/// holding script and an image with an onerror handler, rendered by the pages that show them (public light pages and admin
/// pages as the server first renders them). No field is stored as HTML, so nothing is sanitized: it is encoded on output.</summary>
[Trait(Suites.Key, Suites.Abuse)]
[Collection(AbuseCollection.Name)]
public sealed class RenderTests(JishiFactory factory)
{
    private const string Marked = "七里墩" + Corpus.Script + Corpus.Image;

    [Fact]
    public async Task Pages_StoredMarkup_RenderedAsText()
    {
        var admin = await factory.ClientForAsync("admin");
        var community = await factory.CommunityOfAsync("sq01");
        var member = (await factory.MembersAsync("sq01"))[0];
        var renamed = await admin.PutAsJsonAsync($"/api/units/{community.Id}", new { name = "七里墩" + Corpus.Script });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var wish = await admin.PostAsJsonAsync("/api/wishes/public", new { unitId = community.Id, name = "张三", phone = "13900000001", text = Marked });
        Assert.Equal(HttpStatusCode.Created, wish.StatusCode);
        var code = (await wish.Content.ReadFromJsonAsync<Submitted>())!.TrackingCode;
        var entry = await admin.PostAsJsonAsync("/api/points/entries",
            new { memberId = member, ruleCode = RuleCodes.ThemeDay, quantity = 1, occurredOn = "2016-05-04", note = Marked, sourceKey = "abuse:render" });
        Assert.True(entry.IsSuccessStatusCode, await entry.Content.ReadAsStringAsync());

        // Pages that must show the stored text (so the check below is not vacuous), then pages that may (a campaign's
        // subjects keep the name they had when it was drawn up).
        string[] showing = [$"/wish/t/{code}", $"/points/members/{member}?year=2016", $"/board/stars/{community.Id}?year=2016"];
        string[] others = [$"/wish/wall/{community.Id}", $"/board/pledges/{community.Id}", "/reviews/1/summary", "/units", "/members", "/wishes",
            "/reviews/1", "/points?year=2016"];
        var failures = new List<string>();
        foreach (var page in showing.Concat(others))
        {
            using var response = await admin.GetAsync(page);
            var html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{page} answered {(int)response.StatusCode}");
            }
            else if (html.Contains(Corpus.Script, StringComparison.OrdinalIgnoreCase) || html.Contains("<img src=x", StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{page} renders the stored markup as markup");
            }
            else if (showing.Contains(page) && !html.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", StringComparison.Ordinal))
            {
                failures.Add($"{page} does not show the stored text");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private sealed record Submitted(int Id, string TrackingCode);
}
