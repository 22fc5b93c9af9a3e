using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Jishi.IntegrationTests.Authorization;

/// <summary>Issue 2's authorization matrix: every protected API endpoint, found in the app's endpoint list rather than
/// written down here, is called by community A's secretary with community B's ids. A new endpoint that forgets the
/// caller's subtree makes this fail without anyone adding a line.</summary>
[Collection(ApiCollection.Name)]
public sealed class AuthorizationMatrixTests(JishiFactory factory)
{
    private async Task<CommunityIds> IdsOfAsync(string secretary)
    {
        var community = await factory.CommunityOfAsync(secretary);
        return await factory.WithDbAsync(async db =>
        {
            var ids = new CommunityIds(
                community.Id,
                await db.Units.Where(u => u.ParentId == community.Id).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync(),
                await db.Members.Where(m => m.Unit!.Path.StartsWith(community.Path)).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(),
                await db.Users.Where(u => u.UserName == secretary).Select(u => u.Id).SingleAsync(),
                await db.ReviewCampaigns.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
                await RectificationOfAsync(db, community.Id),
                (int)await db.LedgerEntries.Where(e => db.Members.Any(m => m.Id == e.MemberId && m.Unit!.Path.StartsWith(community.Path)))
                    .OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());
            // Each feature adds the ids of its own resources in the community.
            Func<Jishi.Web.Data.JishiDbContext, CommunityIds, Task<CommunityIds>>[] features =
            [
                ReportIdsAsync, (d, i) => PledgeIdsAsync(d, community.Path, i), ShopIdsAsync, WishIdsAsync, VolunteeringIdsAsync,
                EvaluationIdsAsync, DutiesIdsAsync, TurnaroundIdsAsync, GradingIdsAsync,
            ];
            foreach (var feature in features)
                ids = await feature(db, ids);
            return ids;
        });
    }

    /// <summary>The community's demo shop, its first goods and its first redemption.</summary>
    private static async Task<CommunityIds> ShopIdsAsync(Jishi.Web.Data.JishiDbContext db, CommunityIds ids)
    {
        var shop = await db.Shops.Where(s => s.UnitId == ids.Community).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        return ids with
        {
            Shop = shop,
            Goods = await db.Goods.Where(g => g.ShopId == shop).OrderBy(g => g.Id).Select(g => g.Id).FirstAsync(),
            Redemption = (int)await db.Redemptions.Where(r => r.ShopId == shop).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(),
        };
    }

    /// <summary>A 民主评议党员 round of one of the community's branches and its first participant (added when the demo has none).</summary>
    private static async Task<CommunityIds> EvaluationIdsAsync(Jishi.Web.Data.JishiDbContext db, CommunityIds ids)
    {
        var path = await db.Units.Where(u => u.Id == ids.Community).Select(u => u.Path).SingleAsync();
        var round = await db.EvaluationRounds.Where(r => db.Units.Any(u => u.Id == r.UnitId && u.Path.StartsWith(path)))
            .OrderBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync();
        if (round is null)
        {
            var created = new Jishi.Web.Features.MemberEvaluation.EvaluationRound(ids.Branch, 2016, "矩阵测试评议", "matrix",
                new DateTime(2016, 12, 1, 0, 0, 0, DateTimeKind.Utc));
            created.Participants.Add(new Jishi.Web.Features.MemberEvaluation.EvaluationParticipant(ids.Member, "矩阵", true));
            db.EvaluationRounds.Add(created);
            await db.SaveChangesAsync();
            round = created.Id;
        }
        var participant = await db.EvaluationParticipants.Where(p => p.RoundId == round).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        return ids with { Evaluation = round.Value, EvaluationParticipant = participant };
    }

    /// <summary>A pledge of the community's member, a 公示 of the community and an objection in it (added when the demo has none).</summary>
    private static async Task<CommunityIds> PledgeIdsAsync(Jishi.Web.Data.JishiDbContext db, string communityPath, CommunityIds ids)
    {
        var at = new DateTime(2016, 4, 5, 1, 0, 0, DateTimeKind.Utc);
        if (await db.Pledges.Where(p => db.Members.Any(m => m.Id == p.MemberId && m.Unit!.Path.StartsWith(communityPath)))
                .Select(p => (int?)p.Id).FirstOrDefaultAsync() is not { } pledge)
        {
            var created = new Jishi.Web.Features.Pledges.Pledge(ids.Member, 2016, [("矩阵测试承诺", "1次")], "matrix", at);
            db.Pledges.Add(created);
            await db.SaveChangesAsync();
            pledge = created.Id;
        }
        if (await db.Postings.Where(p => p.UnitId == ids.Community).Select(p => (int?)p.Id).FirstOrDefaultAsync() is not { } posting)
        {
            var created = new Jishi.Web.Features.Points.Postings.Posting(ids.Community, 2016, 1, new DateOnly(2016, 4, 5), 5, "matrix", at);
            db.Postings.Add(created);
            await db.SaveChangesAsync();
            posting = created.Id;
        }
        if (await db.Objections.Where(o => o.PostingId == posting).Select(o => (int?)o.Id).FirstOrDefaultAsync() is not { } objection)
        {
            var created = new Jishi.Web.Features.Points.Postings.Objection(posting, ids.Entry, "矩阵测试", "matrix", at);
            db.Objections.Add(created);
            await db.SaveChangesAsync();
            objection = created.Id;
        }
        return ids with { Pledge = pledge, Posting = posting, Objection = objection };
    }

    /// <summary>A 微心愿 of the community with a photo (added when the demo has none).</summary>
    private static async Task<CommunityIds> WishIdsAsync(Jishi.Web.Data.JishiDbContext db, CommunityIds ids)
    {
        var at = new DateTime(2016, 4, 5, 1, 0, 0, DateTimeKind.Utc);
        if (await db.Wishes.Where(w => w.UnitId == ids.Community).OrderBy(w => w.Id).Select(w => (int?)w.Id).FirstOrDefaultAsync() is not { } wish)
        {
            var created = new Jishi.Web.Features.Wishes.Wish(ids.Community, "矩阵", "13900000000", "矩阵测试心愿", $"MATRIX{ids.Community:0000}", "matrix", at);
            db.Wishes.Add(created);
            await db.SaveChangesAsync();
            wish = created.Id;
        }
        if (await db.WishFiles.Where(f => f.WishId == wish).Select(f => (int?)f.Id).FirstOrDefaultAsync() is not { } photo)
        {
            var created = new Jishi.Web.Features.Wishes.WishFile(wish, Jishi.Web.Features.Wishes.WishFileKind.Photo, "矩阵.png", "image/png",
                [0x89, 0x50, 0x4E, 0x47], "matrix", at);
            db.WishFiles.Add(created);
            await db.SaveChangesAsync();
            photo = created.Id;
        }
        return ids with { Wish = wish, WishPhoto = photo };
    }

    /// <summary>The grading of the community's first branch in the demo's 2016 round, an evidence file of it (added when the demo
    /// has none) and an indicator of the round's library.</summary>
    private static async Task<CommunityIds> GradingIdsAsync(Jishi.Web.Data.JishiDbContext db, CommunityIds ids)
    {
        var round = await db.GradingRounds.Where(r => r.Year == 2016).Select(r => new { r.Id, r.LibraryId }).SingleAsync();
        var grading = await db.BranchGradings.Where(g => g.RoundId == round.Id && db.Units.Any(u => u.Id == g.UnitId && u.ParentId == ids.Community))
            .OrderBy(g => g.UnitId).Select(g => g.Id).FirstAsync();
        var indicator = await db.Indicators.Where(i => i.LibraryId == round.LibraryId).OrderBy(i => i.SortOrder).Select(i => i.Id).FirstAsync();
        if (await db.GradingEvidence.Where(f => f.BranchGradingId == grading).Select(f => (int?)f.Id).FirstOrDefaultAsync() is not { } evidence)
        {
            var created = new Jishi.Web.Features.Grading.GradingEvidence(grading, indicator, "矩阵测试.pdf", "application/pdf", "%PDF-1.4 matrix"u8.ToArray(),
                "matrix", new DateTime(2016, 11, 20, 0, 0, 0, DateTimeKind.Utc));
            db.GradingEvidence.Add(created);
            await db.SaveChangesAsync();
            evidence = created.Id;
        }
        return ids with { Grading = grading, GradingEvidence = evidence, Indicator = indicator };
    }

    /// <summary>A venue, an activity with a sign-up of a member, and a resident volunteer of the community (added when the demo has none).</summary>
    /// <summary>The demo's first 2016 key task, the community's cell of it with an evidence file, its 责任清单 and a 宣传报道.</summary>
    private static async Task<CommunityIds> DutiesIdsAsync(Jishi.Web.Data.JishiDbContext db, CommunityIds ids)
    {
        var cell = await db.KeyTaskCells.Where(c => c.UnitId == ids.Community).OrderBy(c => c.Id).FirstAsync();
        if (await db.KeyTaskEvidence.Where(e => e.CellId == cell.Id).Select(e => (int?)e.Id).FirstOrDefaultAsync() is not { } evidence)
        {
            var file = new Jishi.Web.Features.Duties.KeyTaskEvidence(cell.Id, "矩阵测试.pdf", "application/pdf", "%PDF-1.4"u8.ToArray(), "sq01", DateTime.UtcNow);
            db.KeyTaskEvidence.Add(file);
            await db.SaveChangesAsync();
            evidence = file.Id;
        }
        var item = await db.PublicityItems.Where(p => p.UnitId == ids.Community).OrderBy(p => p.Id).FirstAsync();
        if (item.FileName is null)
        {
            item.AttachFile("矩阵测试.pdf", "application/pdf", "%PDF-1.4"u8.ToArray());
            await db.SaveChangesAsync();
        }
        return ids with
        {
            KeyTask = cell.KeyTaskId,
            KeyTaskCell = cell.Id,
            KeyTaskEvidence = evidence,
            DutyList = await db.DutyLists.Where(l => l.UnitId == ids.Community).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync(),
            Publicity = item.Id,
        };
    }

    private static async Task<CommunityIds> VolunteeringIdsAsync(Jishi.Web.Data.JishiDbContext db, CommunityIds ids)
    {
        var at = new DateTime(2016, 4, 5, 1, 0, 0, DateTimeKind.Utc);
        if (await db.Venues.Where(v => v.UnitId == ids.Community).Select(v => (int?)v.Id).FirstOrDefaultAsync() is not { } venue)
        {
            var created = new Jishi.Web.Features.Volunteering.Venue(ids.Community, "矩阵测试服务站", "便民服务中心", "矩阵路1号", "9:00-17:00");
            db.Venues.Add(created);
            await db.SaveChangesAsync();
            venue = created.Id;
        }
        if (await db.Volunteers.Where(v => v.UnitId == ids.Community).Select(v => (int?)v.Id).FirstOrDefaultAsync() is not { } volunteer)
        {
            var created = new Jishi.Web.Features.Volunteering.Volunteer(ids.Community, "矩阵测试居民", "13900000000",
                Jishi.Web.Features.Volunteering.IdType.Passport, $"E{ids.Community:D8}", at);
            db.Volunteers.Add(created);
            await db.SaveChangesAsync();
            volunteer = created.Id;
        }
        if (await db.VolunteerActivities.Where(a => a.UnitId == ids.Community).Select(a => (int?)a.Id).FirstOrDefaultAsync() is not { } activity)
        {
            var created = new Jishi.Web.Features.Volunteering.VolunteerActivity(ids.Community, venue, "矩阵测试活动", "矩阵测试", "矩阵",
                at, at.AddHours(2), 5, "matrix", at);
            db.VolunteerActivities.Add(created);
            await db.SaveChangesAsync();
            activity = created.Id;
        }
        if (await db.ActivitySignups.Where(s => s.ActivityId == activity).Select(s => (int?)s.Id).FirstOrDefaultAsync() is not { } signup)
        {
            var created = Jishi.Web.Features.Volunteering.ActivitySignup.ForVolunteer(activity, volunteer, at);
            db.ActivitySignups.Add(created);
            await db.SaveChangesAsync();
            signup = created.Id;
        }
        return ids with { Venue = venue, Activity = activity, Signup = signup, Volunteer = volunteer };
    }

    /// <summary>A 后进转化 plan of a branch of the community with a milestone, a progress entry and an evidence file (added when the demo has none).</summary>
    private static async Task<CommunityIds> TurnaroundIdsAsync(Jishi.Web.Data.JishiDbContext db, CommunityIds ids)
    {
        var at = new DateTime(2016, 4, 5, 1, 0, 0, DateTimeKind.Utc);
        var plan = await db.TurnaroundPlans.Include(p => p.Milestones).Include(p => p.Progress)
            .Where(p => db.Units.Any(u => u.Id == p.UnitId && u.ParentId == ids.Community)).OrderBy(p => p.Id).FirstOrDefaultAsync();
        if (plan is null)
        {
            plan = new Jishi.Web.Features.Turnaround.TurnaroundPlan(ids.Branch, 2030, new Jishi.Web.Features.Turnaround.PlanDetails("矩阵测试", "矩阵",
                null, "矩阵", Jishi.Web.Features.Turnaround.HelperRole.Instructor, null, ["矩阵问题"], ["矩阵措施"], "晋级"), "matrix", at);
            plan.AddMilestone("矩阵节点", new DateOnly(2016, 6, 30), null);
            plan.AddProgress("矩阵进展", "matrix", new DateOnly(2016, 4, 5), at);
            db.TurnaroundPlans.Add(plan);
            await db.SaveChangesAsync();
        }
        var milestone = plan.Milestones.OrderBy(m => m.Id).First().Id;
        if (await db.TurnaroundFiles.Where(f => f.MilestoneId == milestone).Select(f => (int?)f.Id).FirstOrDefaultAsync() is not { } attachment)
        {
            var file = new Jishi.Web.Features.Turnaround.TurnaroundFile(milestone,
                new Jishi.Web.Shared.CheckedFile("矩阵测试.pdf", "application/pdf", "%PDF-1.4 matrix"u8.ToArray()), "matrix", at);
            db.TurnaroundFiles.Add(file);
            await db.SaveChangesAsync();
            attachment = file.Id;
        }
        return ids with { TurnaroundPlan = plan.Id, Milestone = milestone, Progress = plan.Progress.OrderBy(e => e.Id).First().Id, Attachment = attachment };
    }

    /// <summary>The community's subject in the campaign, an item of its 述职报告 (0 when it has written none) and an
    /// evidence file of its 整改 task (added when there is none).</summary>
    private static async Task<CommunityIds> ReportIdsAsync(Jishi.Web.Data.JishiDbContext db, CommunityIds ids)
    {
        var subject = await db.ReviewSubjects.Where(s => s.CampaignId == ids.Review && s.UnitId == ids.Community).Select(s => s.Id).SingleAsync();
        var problem = await (from p in db.WorkReportProblems
                             join r in db.WorkReports on p.WorkReportId equals r.Id
                             where r.SubjectId == subject
                             select p.Id).FirstOrDefaultAsync();
        if (await db.RectificationEvidence.Where(e => e.RectificationId == ids.Rectification).Select(e => (int?)e.Id).FirstOrDefaultAsync() is not { } file)
        {
            var evidence = new Jishi.Web.Features.Reviews.RectificationEvidence(ids.Rectification, "矩阵测试.pdf", "application/pdf",
                "%PDF-1.4 matrix"u8.ToArray(), new DateTime(2016, 3, 1, 0, 0, 0, DateTimeKind.Utc), "matrix");
            db.RectificationEvidence.Add(evidence);
            await db.SaveChangesAsync();
            file = evidence.Id;
        }
        var meeting = await db.Meetings.Where(m => m.Unit!.Path.StartsWith(db.Units.Where(u => u.Id == ids.Community).Select(u => u.Path).First()))
            .OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        return ids with { Subject = subject, Problem = problem, EvidenceFile = file, Meeting = meeting };
    }

    /// <summary>A 整改 task of the community (the demo has none until a review produces them).</summary>
    private static async Task<int> RectificationOfAsync(Jishi.Web.Data.JishiDbContext db, int communityId)
    {
        if (await db.Rectifications.Where(t => t.UnitId == communityId).Select(t => (int?)t.Id).FirstOrDefaultAsync() is { } id)
        {
            return id;
        }
        var task = new Jishi.Web.Features.Reviews.Rectification(await db.ReviewCampaigns.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            communityId, "矩阵测试：组织生活不规范", "矩阵测试", new DateOnly(2016, 6, 30));
        db.Rectifications.Add(task);
        await db.SaveChangesAsync();
        return task.Id;
    }

    private List<ApiEndpoint> Endpoints()
    {
        _ = factory.Server; // the endpoint list exists once the host has started
        var endpoints = ApiEndpoint.Protected(factory.Services).ToList();
        // Guards the enumeration itself: an empty or partial list would pass every check vacuously.
        foreach (var known in new[] { "GET /api/units", "DELETE /api/units/{id:int}", "POST /api/units/{id:int}/move", "GET /api/members",
                     "PUT /api/members/{id:int}", "POST /api/members/{id:int}/transfer", "POST /api/accounts", "GET /api/audit" })
        {
            Assert.True(endpoints.Any(e => e.ToString() == known), $"{known} is not among the endpoints found: {string.Join(", ", endpoints)}");
        }
        return endpoints;
    }

    /// <summary>Everything a leaking endpoint could change: domain rows (every change of them is audited) and the
    /// account rows Identity writes without the audit.</summary>
    private Task<string> FingerprintAsync() => factory.WithDbAsync(async db => JsonSerializer.Serialize(new
    {
        audit = await db.AuditEntries.CountAsync(),
        units = await db.Units.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.ParentId, u.Name, u.Path, u.IsArchived }).ToListAsync(),
        members = await db.Members.AsNoTracking().OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.UnitId, m.Name, m.Phone, m.IdNumber, m.Tier, m.Status }).ToListAsync(),
        transfers = await db.MemberTransfers.CountAsync(),
        accounts = await db.Users.AsNoTracking().OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.UserName, u.UnitId, u.PasswordHash, u.SecurityStamp, u.LockoutEnd, u.AccessFailedCount }).ToListAsync(),
        roles = await db.UserRoles.CountAsync(),
    }));

    /// <summary>Text that only community B's data contains: its name, its members' ID numbers and its secretary's account.</summary>
    private async Task<List<string>> MarkersOfAsync(string secretary)
    {
        var community = await factory.CommunityOfAsync(secretary);
        var idNumbers = await factory.WithDbAsync(db => db.Members.Where(m => m.Unit!.Path.StartsWith(community.Path) && m.IdNumber != null)
            .Select(m => m.IdNumber!).ToListAsync());
        return [community.Name, secretary, .. idNumbers];
    }

    [Fact]
    public async Task EveryEndpoint_OtherCommunityIds_Answers404Or403AndChangesNothing()
    {
        var endpoints = Endpoints();
        var own = await IdsOfAsync("sq01");
        var other = await IdsOfAsync("sq02");
        var markers = await MarkersOfAsync("sq02");
        var client = await factory.ClientForAsync("sq01");
        var before = await FingerprintAsync();
        var failures = new List<string>();
        var notFound = new List<ApiEndpoint>();

        foreach (var endpoint in endpoints)
        {
            var unknown = new List<string>();
            using var response = await client.SendAsync(endpoint.BuildRequest(other, unknown));
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            if (status == 403)
            {
                continue; // refused by its policy, whatever the ids
            }
            if (unknown.Count > 0)
            {
                failures.AddRange(unknown);
            }
            else if (endpoint.TakesIds)
            {
                if (status != 404)
                {
                    failures.Add($"{endpoint} with community B's ids answered {status}: {Truncate(body)}");
                }
                notFound.Add(endpoint);
            }
            else if (status is not (>= 200 and < 300 or 400 or 404) || markers.Any(body.Contains))
            {
                failures.Add($"{endpoint} (takes no id) answered {status}{(status < 300 ? " showing community B's data" : "")}: {Truncate(body)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(before, await FingerprintAsync());

        // The same reads with community A's own ids succeed, so the 404s above come from the scope, not from a malformed request.
        foreach (var endpoint in notFound.Where(e => e.Method == "GET"))
        {
            using var response = await client.SendAsync(endpoint.BuildRequest(own, failures));
            if (!response.IsSuccessStatusCode)
            {
                failures.Add($"{endpoint} with community A's own ids answered {(int)response.StatusCode}");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task ManagementEndpoints_MemberRole_Answers403()
    {
        var endpoints = Endpoints().Where(e => e.Policies.Count > 0).ToList();
        Assert.Contains(endpoints, e => e.ToString() == "POST /api/members");
        var own = await IdsOfAsync("sq01");
        var client = await factory.ClientForNewAccountAsync(Roles.Member, own.Community);
        var before = await FingerprintAsync();
        var failures = new List<string>();

        foreach (var endpoint in endpoints)
        {
            // The policy refuses before any id is looked at, so resources the ids do not cover are no concern here.
            using var response = await client.SendAsync(endpoint.BuildRequest(own, []));
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"{endpoint} ({string.Join(", ", endpoint.Policies)}) answered {(int)response.StatusCode} to a member");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(before, await FingerprintAsync());
    }

    /// <summary>A member's own account, in the same community as the ids: every endpoint that takes an id refuses it (its
    /// policy, or 404 for the open ones such as /api/my/objections), and none of those that take no id shows the other
    /// member's ID number or entries.</summary>
    [Fact]
    public async Task EveryEndpoint_MemberRoleWithAnotherMembersIds_Answers403Or404AndShowsNothingOfThem()
    {
        var endpoints = Endpoints();
        var ids = await IdsOfAsync("sq01");
        var client = await factory.ClientForNewAccountAsync(Roles.Member, ids.Community);
        var other = await factory.WithDbAsync(async db => new
        {
            IdNumber = await db.Members.Where(m => m.Id == ids.Member).Select(m => m.IdNumber!).SingleAsync(),
            Entries = await db.LedgerEntries.Where(e => e.MemberId == ids.Member).Select(e => e.SourceKey ?? e.RecordedBy).ToListAsync(),
        });
        var before = await FingerprintAsync();
        var failures = new List<string>();

        foreach (var endpoint in endpoints)
        {
            using var response = await client.SendAsync(endpoint.BuildRequest(ids, []));
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            if (status is 403 or 404)
            {
                continue;
            }
            if (endpoint.TakesIds)
            {
                failures.Add($"{endpoint} with another member's ids answered {status} to a member: {Truncate(body)}");
            }
            else if (status is not (>= 200 and < 300 or 400) || body.Contains(other.IdNumber)
                     || other.Entries.Any(k => k.StartsWith("demo:", StringComparison.Ordinal) && body.Contains(k)))
            {
                failures.Add($"{endpoint} (takes no id) answered {status} to a member{(status < 300 ? ", showing another member" : "")}: {Truncate(body)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task ListEndpoints_CommunitySecretary_ShowNothingOfOtherCommunity()
    {
        var client = await factory.ClientForAsync("sq01");
        var markers = await MarkersOfAsync("sq02");
        foreach (var url in new[] { "/api/units?includeArchived=true", "/api/members?pageSize=500", "/api/members?pageSize=500&page=2" })
        {
            var body = await client.GetStringAsync(url);
            Assert.DoesNotContain(markers, body.Contains);
        }
    }

    [Fact]
    public async Task GetMember_OtherCommunity_Returns404WithChineseMessage()
    {
        var other = await IdsOfAsync("sq02");
        var client = await factory.ClientForAsync("sq01");

        using var response = await client.GetAsync($"/api/members/{other.Member}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemRow>();
        Assert.Equal(("未找到", "党员不存在，或不在您的管辖范围内"), (problem!.Title, problem.Detail));
    }

    /// <summary>One resource of each kind inside the community of <paramref name="secretary"/>, for other tests that call every endpoint.</summary>
    public static Task<CommunityIds> CommunityIdsAsync(JishiFactory factory, string secretary) => new AuthorizationMatrixTests(factory).IdsOfAsync(secretary);

    private static string Truncate(string s) => s.Length <= 300 ? s : s[..300] + "…";
}
