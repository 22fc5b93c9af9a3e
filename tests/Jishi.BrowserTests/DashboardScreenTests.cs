using System.Text.RegularExpressions;
using Jishi.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

/// <summary>The meeting-room screen's 全部 view on a projector and on a laptop: 逾期 drawn red, the nine community names apart,
/// and the numbers of the value axes and the bars too.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class DashboardScreenTests(JishiServer server)
{
    // The bounding boxes of the category names ECharts drew on one chart, and how many pairs of them overlap; the same for
    // the numbers it drew (the value axes' and the bars' own).
    private const string OverlappingLabels = """
        el => {
          const chart = echarts.getInstanceByDom(el);
          const names = JSON.parse(el.dataset.chart).categories;
          const texts = chart.getZr().storage.getDisplayList()
            .filter(d => d.type === "tspan" && typeof d.style?.text === "string" && d.style.text.trim())
            .map(d => { const box = d.getBoundingRect().clone(); const m = d.getComputedTransform(); if (m) box.applyTransform(m); return { text: d.style.text.trim(), box }; });
          const overlapping = boxes => {
            let overlaps = 0;
            for (let i = 0; i < boxes.length; i++)
              for (let j = i + 1; j < boxes.length; j++) {
                const a = boxes[i], b = boxes[j];
                if (a.x + 1 < b.x + b.width && b.x + 1 < a.x + a.width && a.y + 1 < b.y + b.height && b.y + 1 < a.y + a.height) overlaps++;
              }
            return overlaps;
          };
          const named = texts.filter(t => names.some(n => n.includes(t.text))).map(t => t.box);
          const numbers = texts.filter(t => /^[\d.,]+$/.test(t.text)).map(t => t.box);
          return { names: named.length, overlaps: overlapping(named), numberOverlaps: overlapping(numbers) };
        }
        """;

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(1366, 768)]
    public async Task ScreenGrid_ProjectorAndLaptop_OverdueIsRedAndNoNamesOrNumbersOverlap(int width, int height)
    {
        var page = await server.LoginAsync("admin", width: width, height: height);
        await page.GotoAsync("/dashboard/screen?year=2016&mode=grid");
        var charts = page.Locator(".dash-screen .dash-chart");
        await Assertions.Expect(page.Locator(".dash-screen .dash-panel[data-panel='turnaround'] .dash-chart")).ToHaveAttributeAsync("data-drawn", Drawn());

        var keyTasks = page.Locator(".dash-screen .dash-panel[data-panel='key-tasks'] .dash-chart");
        var overdue = await keyTasks.EvaluateAsync<string>(
            "el => echarts.getInstanceByDom(el).getModel().getSeriesByName('逾期')[0].getData().getVisual('style').fill");
        Assert.Equal("#f5222d", overdue);

        Directory.CreateDirectory("/tmp/shots");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = $"/tmp/shots/screen-grid-{width}x{height}.png" });
        var communityCharts = 0;
        var overlapping = new List<string>();
        foreach (var chart in await charts.AllAsync())
        {
            var names = await chart.EvaluateAsync<LabelBoxes>(OverlappingLabels);
            if (names.Overlaps + names.NumberOverlaps > 0)
            {
                overlapping.Add($"{await chart.EvaluateAsync<string>("el => el.closest('.dash-panel').dataset.panel")}: {names.Overlaps} names, {names.NumberOverlaps} numbers");
            }
            communityCharts += names.Names >= 9 ? 1 : 0;
        }
        Assert.True(overlapping.Count == 0, "labels overlap on " + string.Join("; ", overlapping));
        Assert.True(communityCharts >= 6, $"{communityCharts} charts name the nine communities");
        await page.Context.CloseAsync();
    }

    private sealed class LabelBoxes
    {
        public int Names { get; set; }
        public int Overlaps { get; set; }
        public int NumberOverlaps { get; set; }
    }

    [GeneratedRegex(".+")]
    private static partial Regex Drawn();
}
