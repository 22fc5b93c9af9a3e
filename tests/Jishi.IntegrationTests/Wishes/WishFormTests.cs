using System.Net;
using System.Text.RegularExpressions;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Features.Wishes;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jishi.IntegrationTests.Wishes;

/// <summary>The resident's phone forms as plain HTML: every successful post answers with a redirect (post/redirect/get) and a
/// resubmission of the same form (its one-time token) stores nothing twice.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class WishFormTests(JishiFactory factory)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5];

    private static string Field(Regex pattern, string page) => pattern.Match(page).Groups[1].Value;

    private static MultipartFormDataContent WishForm(string page, int unitId, string text)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("wish"), "_handler" },
            { new StringContent(Field(AntiforgeryField(), page)), "__RequestVerificationToken" },
            { new StringContent(Field(OnceField(), page)), FormOnce.Field },
            { new StringContent(unitId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "unitId" },
            { new StringContent("王秀英"), "name" },
            { new StringContent("13912345678"), "phone" },
            { new StringContent(text), "text" },
        };
        var photo = new ByteArrayContent(Png);
        photo.Headers.ContentType = new("image/png");
        form.Add(photo, "photo", "轮椅.png");
        return form;
    }

    [Fact]
    public async Task WishForm_PostedTwiceWithOneToken_OneWishOnePhotoAndTheCodeAfterTheRedirect()
    {
        var community = await factory.CommunityOfAsync("sq06");
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var page = await client.GetStringAsync("/wish/new");
        Assert.Matches(OnceField(), page);
        var text = "重复提交测试：想请人陪老人去医院复查 " + Guid.NewGuid().ToString("N")[..6];

        using var first = await client.PostAsync("/wish/new", WishForm(page, community.Id, text));
        using var again = await client.PostAsync("/wish/new", WishForm(page, community.Id, text));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        var (wishes, photos, code) = await factory.WithDbAsync(async db =>
        {
            var ids = await db.Wishes.Where(w => w.Text == text).Select(w => w.Id).ToListAsync();
            return (ids.Count, await db.WishFiles.CountAsync(f => ids.Contains(f.WishId) && f.Kind == WishFileKind.Photo),
                await db.Wishes.Where(w => w.Text == text).Select(w => w.TrackingCode).FirstAsync());
        });
        Assert.Equal((1, 1), (wishes, photos));
        Assert.EndsWith("/wish/new?sent=" + code, first.Headers.Location!.OriginalString);
        var result = await client.GetStringAsync(first.Headers.Location);
        Assert.Contains($"data-testid=\"tracking-code\">{code}<", result);
        Assert.DoesNotContain("<form", result);
    }

    [Fact]
    public async Task WishForm_TwoPagesTwoTokens_TwoWishes()
    {
        var community = await factory.CommunityOfAsync("sq06");
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var text = "两次填写：想要一把轮椅 " + Guid.NewGuid().ToString("N")[..6];

        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var posted = await client.PostAsync("/wish/new", WishForm(await client.GetStringAsync("/wish/new"), community.Id, text));
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }

        Assert.Equal(2, await factory.WithDbAsync(db => db.Wishes.CountAsync(w => w.Text == text)));
    }

    [Fact]
    public async Task WishForm_UnknownSentCode_ShowsTheFormAndNoCode()
    {
        var page = await factory.CreateClient().GetStringAsync("/wish/new?sent=NOSUCHCODE");

        Assert.DoesNotContain("tracking-code", page);
        Assert.Contains("<form", page);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("name=\"once\" value=\"([^\"]+)\"")]
    private static partial Regex OnceField();
}
