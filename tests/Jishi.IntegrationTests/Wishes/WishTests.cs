using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.IntegrationTests.Points;
using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Points;
using Microsoft.EntityFrameworkCore;

namespace Jishi.IntegrationTests.Wishes;

public sealed record WishClaimRow(int MemberId, string MemberName);

public sealed record WishRow(int Id, int UnitId, string ResidentName, string ResidentPhone, string Text, string Status, WishClaimRow? Claim,
    string? TrackingCode, int? Rating, string? RatingComment, long? EntryId, string? EntryStatus, decimal? EntryPoints);

public sealed record SubmittedRow(int Id, string TrackingCode);

public sealed record TrackedRow(string TrackingCode, string ResidentName, string ResidentPhone, string Text, string Status, string? MemberName, int? Rating);

public sealed record WallRow(int UnitId, string UnitName, List<WallWishRow> Wishes);

public sealed record WallWishRow(int Id, string UnitName, string Text, string Status);

/// <summary>微心愿 through the API: a resident submits without an account, staff of community sq06 publish, members claim
/// (once, however many at once), fulfil, and the resident confirms through the tracking code, which awards the member once.</summary>
public sealed class WishTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    private const string Secretary = "sq06";
    private const string Phone = "13912345678";

    private async Task<SubmittedRow> SubmitAsync(string text = "家里水龙头漏水，想请人帮忙修一修")
    {
        var community = await factory.CommunityOfAsync(Secretary);
        var response = await factory.CreateClient().PostAsJsonAsync("/api/wishes/public", new { unitId = community.Id, name = "王秀英", phone = Phone, text });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SubmittedRow>())!;
    }

    private async Task<(HttpClient Staff, SubmittedRow Wish)> PublishedAsync()
    {
        var wish = await SubmitAsync();
        var staff = await factory.ClientForAsync(Secretary);
        var published = await staff.PostAsync($"/api/wishes/{wish.Id}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return (staff, wish);
    }

    /// <summary>A Member account bound to <paramref name="memberId"/>, made by the admin, and a bearer client for it.</summary>
    /// <summary>The community's members who have no account, or only the one <see cref="MemberClientAsync"/> made (a member
    /// has one account at most, and the demo gives some members theirs).</summary>
    private async Task<IReadOnlyList<int>> MembersAsync(string? tier = "在职")
    {
        var ids = await factory.MembersAsync(Secretary, tier);
        var taken = await factory.WithDbAsync(db => db.Users
            .Where(u => u.MemberId != null && ids.Contains(u.MemberId.Value) && !u.UserName!.StartsWith(AccountPrefix))
            .Select(u => u.MemberId!.Value).ToListAsync());
        return ids.Except(taken).ToList();
    }

    private const string AccountPrefix = "wish-m";

    /// <summary>A client of the member's own account, made on first use.</summary>
    private async Task<HttpClient> MemberClientAsync(int memberId)
    {
        var userName = $"{AccountPrefix}{memberId}";
        if (!await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == userName)))
        {
            var unitId = await factory.WithDbAsync(db => db.Members.Where(m => m.Id == memberId).Select(m => m.UnitId).SingleAsync());
            var admin = await factory.ClientForAsync("admin");
            var created = await admin.PostAsJsonAsync("/api/accounts", new
            {
                userName, displayName = "党员账号", password = TestData.AccountPassword, role = Roles.Member, unitId, mustChangePassword = false, memberId,
            });
            created.EnsureSuccessStatusCode();
        }
        return await factory.ClientForAsync(userName, TestData.AccountPassword);
    }

    private static async Task<HttpResponseMessage> FulfilAsync(HttpClient client, int id, string note = "已上门更换水龙头", byte[]? photo = null)
    {
        using var form = new MultipartFormDataContent { { new StringContent(note), "note" } };
        if (photo is not null)
        {
            form.Add(new ByteArrayContent(photo), "files", "done.jpg");
        }
        return await client.PostAsync($"/api/wishes/{id}/fulfil", form);
    }

    [Fact]
    public async Task Lifecycle_SubmitPublishClaimFulfilConfirm_AwardsMemberOnce()
    {
        var (staff, wish) = await PublishedAsync();
        var memberId = (await MembersAsync())[0];
        var member = await MemberClientAsync(memberId);

        var claimed = await member.PostAsJsonAsync($"/api/wishes/{wish.Id}/claim", new { });
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        Assert.Equal(memberId, (await claimed.Content.ReadFromJsonAsync<WishRow>())!.Claim!.MemberId);
        Assert.Equal(HttpStatusCode.OK, (await FulfilAsync(member, wish.Id, photo: [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3])).StatusCode);

        var anonymous = factory.CreateClient();
        var confirmed = await anonymous.PostAsJsonAsync($"/api/wishes/track/{wish.TrackingCode.ToLowerInvariant()}/confirm", new { rating = 5, comment = "修得很好，谢谢！" });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var tracked = (await confirmed.Content.ReadFromJsonAsync<TrackedRow>())!;
        Assert.Equal(("Confirmed", 5), (tracked.Status, tracked.Rating!.Value));

        var read = (await staff.GetFromJsonAsync<WishRow>($"/api/wishes/{wish.Id}"))!;
        var entry = await factory.WithDbAsync(db => db.LedgerEntries.AsNoTracking().SingleAsync(e => e.SourceKey == $"wish:{wish.Id}"));
        Assert.Equal((memberId, RuleCodes.WishFulfilled, 3m, EntryStatus.Pending), (entry.MemberId, entry.RuleCode, entry.Granted, entry.Status));
        Assert.Equal(("Confirmed", entry.Id, "Pending", 3m, "修得很好，谢谢！"),
            (read.Status, read.EntryId!.Value, read.EntryStatus, read.EntryPoints!.Value, read.RatingComment));
    }

    [Fact]
    public async Task Confirm_TwiceAndConcurrently_OneAward()
    {
        var (staff, wish) = await PublishedAsync();
        var memberId = (await MembersAsync())[1];
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/wishes/{wish.Id}/claim", new { memberId })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await FulfilAsync(staff, wish.Id)).StatusCode);

        var anonymous = factory.CreateClient();
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => i % 2 == 0
            ? anonymous.PostAsJsonAsync($"/api/wishes/track/{wish.TrackingCode}/confirm", new { rating = 4 })
            : staff.PostAsJsonAsync($"/api/wishes/{wish.Id}/confirm", new { rating = 4 })));
        var again = await anonymous.PostAsJsonAsync($"/api/wishes/track/{wish.TrackingCode}/confirm", new { rating = 1 });

        Assert.All(responses.Append(again), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var entries = await factory.WithDbAsync(db => db.LedgerEntries.AsNoTracking().Where(e => e.SourceKey == $"wish:{wish.Id}").ToListAsync());
        Assert.Equal(memberId, Assert.Single(entries).MemberId);
        Assert.Equal(4, (await staff.GetFromJsonAsync<WishRow>($"/api/wishes/{wish.Id}"))!.Rating);
    }

    [Fact]
    public async Task Claim_30MembersAtOnce_ExactlyOneClaim()
    {
        var (staff, wish) = await PublishedAsync();
        var members = (await MembersAsync(tier: null)).Take(30).ToList();
        Assert.Equal(30, members.Count);
        var clients = new List<HttpClient>();
        foreach (var member in members)
        {
            clients.Add(await MemberClientAsync(member));
        }

        var responses = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync($"/api/wishes/{wish.Id}/claim", new { })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var claims = await factory.WithDbAsync(db => db.WishClaims.AsNoTracking().Where(c => c.WishId == wish.Id).ToListAsync());
        var winner = members[responses.ToList().FindIndex(r => r.StatusCode == HttpStatusCode.OK)];
        Assert.Equal(winner, Assert.Single(claims).MemberId);
        Assert.Equal("Claimed", (await staff.GetFromJsonAsync<WishRow>($"/api/wishes/{wish.Id}"))!.Status);
    }

    [Fact]
    public async Task Withdraw_ThenAnotherMember_ClaimsAgain()
    {
        var (staff, wish) = await PublishedAsync();
        var ids = await MembersAsync();
        var first = await MemberClientAsync(ids[2]);
        Assert.Equal(HttpStatusCode.OK, (await first.PostAsJsonAsync($"/api/wishes/{wish.Id}/claim", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/wishes/{wish.Id}/claim", new { memberId = ids[3] })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await first.PostAsync($"/api/wishes/{wish.Id}/withdraw", null)).StatusCode);
        var second = await staff.PostAsJsonAsync($"/api/wishes/{wish.Id}/claim", new { memberId = ids[3] });

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(ids[3], (await second.Content.ReadFromJsonAsync<WishRow>())!.Claim!.MemberId);
        var claims = await factory.WithDbAsync(db => db.WishClaims.AsNoTracking().Where(c => c.WishId == wish.Id).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(new[] { (ids[2], false), (ids[3], true) }, claims.Select(c => (c.MemberId, c.IsActive)));
    }

    [Fact]
    public async Task Privacy_NameAndPhone_ClearOnlyForStaffAndClaimer()
    {
        var (staff, wish) = await PublishedAsync();
        var ids = await MembersAsync();
        var claimer = await MemberClientAsync(ids[4]);
        var other = await MemberClientAsync(ids[5]);

        var beforeClaim = (await claimer.GetFromJsonAsync<WishRow>($"/api/wishes/{wish.Id}"))!;
        Assert.Equal(HttpStatusCode.OK, (await claimer.PostAsJsonAsync($"/api/wishes/{wish.Id}/claim", new { })).StatusCode);
        var asClaimer = (await claimer.GetFromJsonAsync<WishRow>($"/api/wishes/{wish.Id}"))!;
        var asOther = (await other.GetFromJsonAsync<WishRow>($"/api/wishes/{wish.Id}"))!;
        var asStaff = (await staff.GetFromJsonAsync<WishRow>($"/api/wishes/{wish.Id}"))!;
        var tracked = (await factory.CreateClient().GetFromJsonAsync<TrackedRow>($"/api/wishes/track/{wish.TrackingCode}"))!;
        var wall = await factory.CreateClient().GetStringAsync($"/api/wishes/wall/{asStaff.UnitId}");

        Assert.Equal(("王秀英", Phone), (asStaff.ResidentName, asStaff.ResidentPhone));
        Assert.Equal(("王秀英", Phone), (asClaimer.ResidentName, asClaimer.ResidentPhone));
        Assert.Equal(("王**", "139****5678"), (beforeClaim.ResidentName, beforeClaim.ResidentPhone));
        Assert.Equal(("王**", "139****5678", (string?)null), (asOther.ResidentName, asOther.ResidentPhone, asOther.TrackingCode));
        Assert.Equal(("王**", "139****5678"), (tracked.ResidentName, tracked.ResidentPhone));
        Assert.Contains(asStaff.Text, wall);
        Assert.DoesNotContain("王秀英", wall);
        Assert.DoesNotContain("5678", wall);
        Assert.Equal(wish.TrackingCode, asStaff.TrackingCode);
    }

    [Fact]
    public async Task Submit_Invalid_400WithFieldsAndNothingStored()
    {
        var before = await factory.WithDbAsync(db => db.Wishes.CountAsync());

        var response = await factory.CreateClient().PostAsJsonAsync("/api/wishes/public", new { unitId = 1, name = "", phone = "123", text = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemRow>())!;
        Assert.Equal(["name", "phone", "text", "unitId"], problem.Errors!.Keys.Order());
        Assert.Equal(before, await factory.WithDbAsync(db => db.Wishes.CountAsync()));
    }

    [Fact]
    public async Task Decline_WithReason_NotOnWallAndNotClaimable()
    {
        var wish = await SubmitAsync("请帮我把隔壁的狗赶走");
        var staff = await factory.ClientForAsync(Secretary);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"/api/wishes/{wish.Id}/decline", new { reason = "" })).StatusCode);

        var declined = await staff.PostAsJsonAsync($"/api/wishes/{wish.Id}/decline", new { reason = "不属于微心愿范围，已转社区调解" });

        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var unit = (await declined.Content.ReadFromJsonAsync<WishRow>())!.UnitId;
        var wall = (await factory.CreateClient().GetFromJsonAsync<WallRow>($"/api/wishes/wall/{unit}"))!;
        Assert.DoesNotContain(wall.Wishes, w => w.Id == wish.Id);
        var memberId = (await MembersAsync())[6];
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/wishes/{wish.Id}/claim", new { memberId })).StatusCode);
    }

    [Fact]
    public async Task Fulfil_NotAnImage_400AndStillClaimed()
    {
        var (staff, wish) = await PublishedAsync();
        var memberId = (await MembersAsync())[7];
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/wishes/{wish.Id}/claim", new { memberId })).StatusCode);

        var response = await FulfilAsync(staff, wish.Id, photo: "MZ not a picture"u8.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Claimed", (await staff.GetFromJsonAsync<WishRow>($"/api/wishes/{wish.Id}"))!.Status);
    }
}
