using System.Net.Http.Json;
using System.Text.Json;
using Jishi.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

/// <summary>Paper ballots (ADR-006): the printed A4 ballots, and two staff members keying one of them from the keyboard.
/// A part of <see cref="ReviewsLightPagesTests"/>, whose campaign and PDF helpers it shares.</summary>
public sealed partial class ReviewsLightPagesTests
{
    private const string StaffPassword = "Staff-Test-2016";

    [Fact]
    public async Task PaperBallots_PrintThree_ThreeA4PagesWithCodeAndEverySecretary()
    {
        using var admin = await server.AdminClientAsync();
        var review = await CopyDemoAsync(admin, "纸质票");
        var page = await server.LoginAsync();
        await page.GotoAsync($"/reviews/{review.Id}/paper-ballots");
        await page.SelectOptionAsync("select[name='Form.VoterGroupId']", new SelectOptionValue { Index = 2 });
        await page.FillAsync("input[name='Form.Count']", "3");
        await page.ClickAsync("button[type=submit]");

        var ballots = page.Locator("[data-testid=paper-ballot]");
        await Assertions.Expect(ballots).ToHaveCountAsync(3);
        await Assertions.Expect(ballots.First.Locator("tbody tr")).ToHaveCountAsync(review.Subjects.Count);
        await Assertions.Expect(ballots.First).ToContainTextAsync(review.Subjects[^1].Name);
        await Assertions.Expect(ballots.First).ToContainTextAsync(review.VoterGroups[2].Name);
        Assert.Equal(3 * review.Subjects.Count * 4, await page.Locator(".paper-grid .box").CountAsync());
        var codes = (await page.Locator("[data-testid=paper-code]").AllInnerTextsAsync()).Select(c => c.Replace(" ", "")).ToList();
        Assert.Equal(3, codes.Distinct().Count(c => c.Length == 12));
        await JishiServer.ScreenshotAsync(page, "40-paper-ballots");

        // One ballot to a sheet of paper.
        Assert.Equal(3, await PdfPrint.AssertPdfAsync(page, "40-paper-ballots"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PaperBallots_TwoStaffKeyFromKeyboard_SecondAgreeingEntryCounts()
    {
        using var admin = await server.AdminClientAsync();
        var review = await CopyDemoAsync(admin, "纸质票录入");
        var tokens = await IssueAsync(admin, review, 2);
        var second = await NewStreetAdminAsync(admin);
        var grades = review.Subjects.Select((_, i) => "1213"[i % 4]).ToArray();

        var first = await server.LoginAsync();
        await KeyAsync(first, review, tokens[0], grades);
        await Assertions.Expect(first.Locator("[data-testid=paper-message]")).ToContainTextAsync("另一名工作人员");
        await Assertions.Expect(first.Locator("[data-testid=paper-backlog]")).ToContainTextAsync("待另一人录入：1 张");
        // The form is empty again for the next paper: the second keying cannot be copied from the first.
        Assert.Equal("", await first.InputValueAsync("[data-testid=paper-token]"));
        Assert.Equal(0, await first.Locator(".entry-row input:checked").CountAsync());
        await JishiServer.ScreenshotAsync(first, "41-paper-entry-first");
        // The same person keying the same paper again is refused.
        await KeyAsync(first, review, tokens[0], grades);
        await Assertions.Expect(first.Locator("[data-testid=paper-message]")).ToContainTextAsync("须由另一名工作人员录入");

        var page = await server.LoginAsync(second, StaffPassword);
        await KeyAsync(page, review, tokens[0], grades);
        await Assertions.Expect(page.Locator("[data-testid=paper-message]")).ToContainTextAsync("已计入测评结果");
        await Assertions.Expect(page.Locator("[data-testid=paper-backlog]")).ToContainTextAsync("待另一人录入：0 张");
        await JishiServer.ScreenshotAsync(page, "42-paper-entry-accepted");

        // A misread row: the answer names the secretary to check on the paper, and keeps what was keyed on screen.
        await KeyAsync(first, review, tokens[1], grades);
        var misread = grades.Select((g, i) => i == 3 ? '4' : g).ToArray();
        await KeyAsync(page, review, tokens[1], misread);
        await Assertions.Expect(page.Locator("[data-testid=paper-message]")).ToContainTextAsync(review.Subjects[3].Name);
        Assert.Equal(review.Subjects.Count, await page.Locator(".entry-row input:checked").CountAsync());
        await JishiServer.ScreenshotAsync(page, "43-paper-entry-conflict");

        var turnout = await admin.GetFromJsonAsync<JsonElement>($"/api/reviews/{review.Id}/turnout");
        Assert.Equal(1, turnout.GetProperty("cast").GetInt32());
        await first.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>Keys one paper ballot the way staff do: the code, Enter, one digit per row, Enter.</summary>
    private static async Task KeyAsync(IPage page, Review review, string token, char[] grades)
    {
        await page.GotoAsync($"/reviews/{review.Id}/paper-entry");
        await page.Locator("[data-testid=paper-token]").FocusAsync();
        await page.Keyboard.TypeAsync(string.Join(" ", token.Chunk(4).Select(c => new string(c))));
        await page.Keyboard.PressAsync("Enter");
        foreach (var grade in grades)
        {
            await page.Keyboard.PressAsync(grade.ToString());
        }
        await Assertions.Expect(page.Locator("[data-testid=paper-submit]")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("[data-testid=paper-message]");
    }

    /// <summary>A second street-admin account, ready to sign in (no password change pending).</summary>
    private static async Task<string> NewStreetAdminAsync(HttpClient admin)
    {
        var units = await admin.GetFromJsonAsync<JsonElement>("/api/units");
        var street = units.EnumerateArray().First(u => u.GetProperty("kind").GetString() == "Street").GetProperty("id").GetInt32();
        var userName = "staff" + Guid.NewGuid().ToString("N")[..8];
        var created = await admin.PostAsJsonAsync("/api/accounts", new
        {
            userName, displayName = "录入员", password = StaffPassword, role = "StreetAdmin", unitId = street, mustChangePassword = false,
        });
        created.EnsureSuccessStatusCode();
        return userName;
    }
}
