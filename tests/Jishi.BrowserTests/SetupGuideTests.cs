using Jishi.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Jishi.BrowserTests;

/// <summary>A street's first day without the demo (<c>Jishi:SeedDemo=false</c>): one placeholder street, the admin, the
/// default tiers.</summary>
public sealed class FreshStreetServer : JishiServer
{
    protected override bool SeedDemo => false;
}

public sealed class SetupGuideTests(FreshStreetServer server) : IClassFixture<FreshStreetServer>
{
    private const string ShotFolder = "/tmp/shots";

    [Fact]
    public async Task Setup_FreshStreetSignIn_LeadsToGuideNamesStreetSkipsStepAndShowsProgress()
    {
        var page = await server.LoginAsync(width: 1366, height: 768);
        await page.WaitForURLAsync("**/setup");
        await Assertions.Expect(page.Locator("h1.page-title")).ToHaveTextAsync("开通向导");
        await Assertions.Expect(page.Locator("#setup-progress")).ToContainTextAsync("已完成 0 / 6 项");
        await Assertions.Expect(page.Locator("#setup-panel")).ToHaveAttributeAsync("data-step", "Street");
        await ShotAsync(page, "setup-desktop-start");

        // Step 1: the street and its district; the guide moves on to the organizations.
        await page.FillAsync("#setup-street-name", "东岗街道党工委");
        await page.FillAsync("#setup-district", "城关区");
        await page.ClickAsync("#setup-save-street");
        await Assertions.Expect(page.Locator("#setup-progress")).ToContainTextAsync("已完成 1 / 6 项");
        await Assertions.Expect(page.Locator("#setup-panel")).ToHaveAttributeAsync("data-step", "Units");
        await Assertions.Expect(page.Locator("#setup-go-units")).ToHaveAttributeAsync("href", "/units");

        // Step 2 put aside: it reads 已跳过 and the roster comes next.
        await page.ClickAsync("#setup-skip");
        await Assertions.Expect(page.Locator("#setup-panel")).ToHaveAttributeAsync("data-step", "Members");
        await Assertions.Expect(page.Locator(".setup-steps .ant-steps-item").Nth(1)).ToContainTextAsync("已跳过");
        await Assertions.Expect(page.Locator(".setup-steps .ant-steps-item").Nth(0)).ToContainTextAsync("已完成");
        await ShotAsync(page, "setup-desktop-progress");

        // Still steps to do: the home page leads back here until the guide is dismissed, then shows its progress.
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/setup");
        await JishiServer.WaitForCircuitAsync(page);
        await page.ClickAsync("#setup-dismiss");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Assertions.Expect(page.Locator("#setup-card")).ToContainTextAsync("开通向导：已完成 1 / 6 项");
        await Assertions.Expect(page.Locator("#setup-card")).ToContainTextAsync("下一步：党员名册");
        await Assertions.Expect(page.Locator(".app-header")).ToContainTextAsync("东岗街道党工委");
        await ShotAsync(page, "setup-desktop-home");
        await page.ClickAsync("#setup-card");
        await page.WaitForURLAsync("**/setup");
        await Assertions.Expect(page.Locator("#setup-panel")).ToHaveAttributeAsync("data-step", "Members");
        await page.Context.CloseAsync();

        var phone = await server.LoginAsync(width: 390, height: 844);
        await phone.GotoAsync("/setup");
        await Assertions.Expect(phone.Locator("#setup-progress")).ToContainTextAsync("已完成 1 / 6 项");
        await Assertions.Expect(phone.Locator(".setup-steps .ant-steps-item").Nth(1)).ToContainTextAsync("已跳过");
        await ShotAsync(phone, "setup-phone");

        await phone.GotoAsync("/culture/en?returnUrl=%2Fsetup");
        await Assertions.Expect(phone.Locator("h1.page-title")).ToHaveTextAsync("Set-up guide");
        await Assertions.Expect(phone.Locator("#setup-progress")).ToContainTextAsync("1 of 6 done");
        await ShotAsync(phone, "setup-phone-en");
        await phone.Context.CloseAsync();
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ShotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ShotFolder, name + ".png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }
}
