using System.Text.RegularExpressions;
using Jishi.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

/// <summary>The meeting-room screen's 全部 view on a projector and on a laptop: 逾期 drawn red, the nine community names apart.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class DashboardScreenTests(JishiServer server)
{
    // The bounding boxes of the category names ECharts drew on one chart, and whether any two of them overlap.
    private const string OverlappingNames = """
        el => {
          const chart = echarts.getInstanceByDom(el);
          const names = JSON.parse(el.dataset.chart).categories;
          const boxes = chart.getZr().storage.getDisplayList()
            .filter(d => d.type === "tspan" && typeof d.style?.text === "string" && d.style.text.trim() && names.some(n => n.includes(d.style.text.trim())))
            .map(d => { const box = d.getBoundingRect().clone(); const m = d.getComputedTransform(); if (m) box.applyTransform(m); return box; });
          let overlaps = 0;
          for (let i = 0; i < boxes.length; i++)
            for (let j = i + 1; j < boxes.length; j++) {
              const a = boxes[i], b = boxes[j];
              if (a.x + 1 < b.x + b.width && b.x + 1 < a.x + a.width && a.y + 1 < b.y + b.height && b.y + 1 < a.y + a.height) overlaps++;
            }
          return { names: boxes.length, overlaps };
        }
        """;

    [Theory]
    [InlineData(1920, 1080)]
    public async Task ScreenGrid_Projector_OverdueIsRedAndCommunityNamesDoNotOverlap(int width, int height)
    {
        var page = await server.LoginAsync("admin", width: width, height: height);
        await page.GotoAsync("/dashboard/screen?year=2016&mode=grid");
        var charts = page.Locator(".dash-screen .dash-chart");
        await Assertions.Expect(page.Locator(".dash-screen .dash-panel[data-panel='turnaround'] .dash-chart")).ToHaveAttributeAsync("data-drawn", Drawn());

        var keyTasks = page.Locator(".dash-screen .dash-panel[data-panel='key-tasks'] .dash-chart");
        var overdue = await keyTasks.EvaluateAsync<string>(
            "el => echarts.getInstanceByDom(el).getModel().getSeriesByName('逾期')[0].getData().getVisual('style').fill");
        Assert.Equal("#f5222d", overdue);

        var communityCharts = 0;
        foreach (var chart in await charts.AllAsync())
        {
            var names = await chart.EvaluateAsync<NameBoxes>(OverlappingNames);
            Assert.Equal(0, names.Overlaps);
            communityCharts += names.Names >= 9 ? 1 : 0;
        }
        Assert.True(communityCharts >= 6, $"{communityCharts} charts name the nine communities");

        Directory.CreateDirectory("/tmp/shots");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = $"/tmp/shots/screen-grid-{width}x{height}.png" });
        await page.Context.CloseAsync();
    }

    private sealed class NameBoxes
    {
        public int Names { get; set; }
        public int Overlaps { get; set; }
    }

    [GeneratedRegex(".+")]
    private static partial Regex Drawn();
}
