using Jishi.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

/// <summary>The admin screens in English at 1366×768: values stored in Chinese are shown in English and no placeholder is
/// wider than its box.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EnglishTests(JishiServer server)
{
    private static readonly string[] Screens =
    [
        "/units", "/members", "/members/import", "/reviews", "/rectifications", "/points", "/points/approvals", "/points/meetings",
        "/points/rules", "/points/warnings", "/points/pledges", "/points/postings", "/volunteering", "/wishes", "/shops/counter",
        "/shops", "/shops/report", "/dashboard", "/grading", "/grading/library", "/turnaround", "/key-tasks", "/duties",
        "/publicity", "/member-evaluations", "/accounts", "/audit",
    ];

    /// <summary>Forms that open in a dialog: the screen and the button that opens it.</summary>
    private static readonly (string Screen, string Opener)[] Dialogs =
    [
        ("/members", "#member-add"), ("/points/pledges", "#pledge-new"), ("/turnaround", "#plan-new"),
    ];

    // Each visible input whose placeholder, in the input's own font, is wider than the room inside its padding, and each
    // select placeholder that overflows its box (AntDesign cuts it with an ellipsis).
    private const string CutOffPlaceholders = """
        () => {
            const g = document.createElement('canvas').getContext('2d');
            const cut = [];
            for (const input of document.querySelectorAll('input[placeholder]')) {
                if (!input.placeholder || input.offsetParent === null) continue;
                const style = getComputedStyle(input);
                g.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
                const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                if (g.measureText(input.placeholder).width > room + 1) cut.push(input.placeholder);
            }
            for (const span of document.querySelectorAll('.ant-select-selection-placeholder')) {
                if (span.offsetParent !== null && span.scrollWidth > span.clientWidth + 1) cut.push(span.textContent);
            }
            return cut;
        }
        """;

    private async Task<IPage> EnglishAsync(string path)
    {
        var page = await server.LoginAsync(height: 768);
        await page.GotoAsync("/culture/en?returnUrl=" + Uri.EscapeDataString(path));
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await JishiServer.WaitForCircuitAsync(page);
        return page;
    }

    [Fact]
    public async Task AdminScreens_English_NoPlaceholderCutOff()
    {
        var page = await EnglishAsync("/");
        var cut = new List<string>();
        foreach (var screen in Screens)
        {
            await page.GotoAsync(screen);
            await page.WaitForSelectorAsync("h1.page-title");
            // Interactive screens and the static import page alike: the page has what it loads.
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            cut.AddRange((await page.EvaluateAsync<string[]>(CutOffPlaceholders)).Select(p => $"{screen}: {p}"));
        }
        foreach (var (screen, opener) in Dialogs)
        {
            await page.GotoAsync(screen);
            await JishiServer.WaitForCircuitAsync(page);
            await page.ClickAsync(opener);
            await page.WaitForSelectorAsync(".ant-modal-wrap .ant-modal-body input:visible");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            cut.AddRange((await page.EvaluateAsync<string[]>(CutOffPlaceholders)).Select(p => $"{screen} {opener}: {p}"));
        }
        Assert.Empty(cut);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Roster_English_GenderAndTierInEnglish()
    {
        var page = await EnglishAsync("/members");
        var rows = page.Locator(".ant-table-tbody tr.ant-table-row");
        await Assertions.Expect(rows).ToHaveCountAsync(20);
        var headers = await page.Locator(".ant-table-thead th").AllInnerTextsAsync();
        var genders = await rows.Locator($"td:nth-child({headers.ToList().IndexOf("Gender") + 1})").AllInnerTextsAsync();
        Assert.All(genders, g => Assert.Contains(g, (string[])["Male", "Female"]));
        Assert.Contains("Female", genders);
        var tiers = await rows.Locator($"td:nth-child({headers.ToList().IndexOf("Tier") + 1})").AllInnerTextsAsync();
        Assert.All(tiers, t => Assert.Contains(t, (string[])["Employed", "Retired", "Mobile", "Elderly or frail", "Community staff"]));
        Assert.True(tiers.Distinct().Count() > 1, "the first page shows one tier only");
        Assert.Empty(await page.EvaluateAsync<string[]>(CutOffPlaceholders));
        await JishiServer.ScreenshotAsync(page, "english-roster");

        // The member form offers the same values in English and keeps the stored ones.
        await page.ClickAsync("#member-add");
        await Assertions.Expect(page.Locator(".member-form")).ToContainTextAsync("Male");
        await page.ClickAsync("#member-tier");
        await Assertions.Expect(page.Locator(".ant-select-dropdown:visible .ant-select-item-option").First).ToHaveTextAsync("Employed");
        await Assertions.Expect(page.Locator(".ant-select-dropdown:visible")).ToContainTextAsync("Retired");
        await JishiServer.ScreenshotAsync(page, "english-member-form");
        await page.Context.CloseAsync();
    }
}
