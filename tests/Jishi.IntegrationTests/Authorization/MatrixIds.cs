using System.Text.Json;
using Jishi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jishi.IntegrationTests.Authorization;

/// <summary>The resources the authorization tests fill requests with, found in (or added to) the demo, and the fingerprint
/// that shows whether a refused request changed anything.</summary>
public static class MatrixIds
{
    /// <summary>The ids of <paramref name="secretary"/>'s community (sq01..sq09), its account and its first branch.</summary>
    public static async Task<CommunityIds> IdsOfAsync(this JishiFactory factory, string secretary)
    {
        var community = await factory.CommunityOfAsync(secretary);
        return await factory.IdsOfAsync(community.Id, account: secretary);
    }

    /// <summary>One resource of each kind in a community: those a branch owns (members, their entries and pledges, meetings,
    /// gradings, 后进转化 plans, 民主评议 rounds) in <paramref name="branchId"/> (default its first branch), the member
    /// <paramref name="memberId"/> when given; what is missing is added.</summary>
    public static Task<CommunityIds> IdsOfAsync(this JishiFactory factory, int communityId, int? branchId = null, int? memberId = null,
        string? account = null) => factory.WithDbAsync(async db =>
    {
        var community = await db.Units.AsNoTracking().SingleAsync(u => u.Id == communityId);
        var branch = await db.Units.AsNoTracking().Where(u => branchId == null ? u.ParentId == communityId : u.Id == branchId)
            .OrderBy(u => u.Id).FirstAsync();
        var member = memberId ?? await db.Members.Where(m => m.Unit!.Path.StartsWith(branch.Path)).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        var ids = new CommunityIds(
            community.Id,
            branch.Id,
            member,
            await db.Users.Where(u => account == null ? db.Units.Any(x => x.Id == u.UnitId && x.Path.StartsWith(community.Path)) : u.UserName == account)
                .OrderBy(u => u.Id).Select(u => u.Id).FirstAsync(),
            await db.ReviewCampaigns.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            await RectificationOfAsync(db, community.Id),
            (int)await db.LedgerEntries.Where(e => e.MemberId == member).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());
        // Each feature adds the ids of its own resources in the community.
        Func<Jishi.Web.Data.JishiDbContext, CommunityIds, Task<CommunityIds>>[] features =
        [
            ReportIdsAsync, (d, i) => MeetingIdsAsync(d, branch.Path, i), (d, i) => PledgeIdsAsync(d, branch.Path, i), ShopIdsAsync,
            WishIdsAsync, VolunteeringIdsAsync, EvaluationIdsAsync, DutiesIdsAsync, TurnaroundIdsAsync, GradingIdsAsync, StreetIdsAsync,
            DuesIdsAsync,
        ];
        foreach (var feature in features)
        {
            ids = await feature(db, ids);
        }
        return ids;
    });

    /// <summary>What the community's street owns as a whole: the 2016 grading round and its library, the street's first points
    /// rule set (0 for a street without one), the campaign's first voter group; and an objection to the branch's grading.</summary>
    private static async Task<CommunityIds> StreetIdsAsync(Jishi.Web.Data.JishiDbContext db, CommunityIds ids)
    {
        var round = await db.GradingRounds.Where(r => r.Year == 2016).Select(r => new { r.Id, r.LibraryId }).SingleAsync();
        var street = await db.Units.Where(u => u.Id == ids.Community).Select(u => u.ParentId).SingleAsync();
        if (await db.GradingObjections.Where(o => o.BranchGradingId == ids.Grading).Select(o => (int?)o.Id).FirstOrDefaultAsync() is not { } objection)
        {
            var created = new Jishi.Web.Features.Grading.GradingObjection(ids.Grading, "矩阵", "13900000000", "矩阵测试异议", null,
                new DateTime(2016, 12, 20, 0, 0, 0, DateTimeKind.Utc));
            db.GradingObjections.Add(created);
            await db.SaveChangesAsync();
            objection = created.Id;
        }
        return ids with
        {
            GradingRound = round.Id,
            Library = round.LibraryId,
            RuleSet = await db.RuleSets.Where(r => r.StreetId == street).OrderBy(r => r.Id).Select(r => r.Id).FirstOrDefaultAsync(),
            VoterGroup = await db.VoterGroups.Where(g => g.CampaignId == ids.Review).OrderBy(g => g.Id).Select(g => g.Id).FirstAsync(),
            GradingObjection = objection,
            Street = street ?? 0,
        };
    }

    /// <summary>A dues payment of the member for January 2016, with its base (added when there is none).</summary>
    private static async Task<CommunityIds> DuesIdsAsync(Jishi.Web.Data.JishiDbContext db, CommunityIds ids)
    {
        if (await db.DuesPayments.Where(p => p.MemberId == ids.Member && p.ReversalOf == null).Select(p => (long?)p.Id).FirstOrDefaultAsync()
            is not { } payment)
        {
            var at = new DateTime(2016, 2, 1, 0, 0, 0, DateTimeKind.Utc);
            if (!await db.DuesBases.AnyAsync(b => b.MemberId == ids.Member && b.Year == 2016))
            {
                var row = new Jishi.Web.Features.Dues.DuesBase(ids.Member, 2016);
                row.Set(new Jishi.Web.Features.Dues.DuesStandard(20), Jishi.Web.Features.Dues.DuesCategory.Student, 0, "matrix", at);
                db.DuesBases.Add(row);
            }
            var created = Jishi.Web.Features.Dues.DuesPayment.Pay(ids.Member, null, new Dictionary<int, long> { [201601] = 20 },
                Jishi.Web.Features.Dues.DuesMethod.Cash, $"matrix-{ids.Member}", "matrix", at);
            db.DuesPayments.Add(created);
            await db.SaveChangesAsync();
            payment = created.Id;
        }
        return ids with { DuesPayment = payment };
    }

    /// <summary>A 三会一课 meeting of the branch (the demo records some for the first two communities only).</summary>
    private static async Task<CommunityIds> MeetingIdsAsync(Jishi.Web.Data.JishiDbContext db, string branchPath, CommunityIds ids)
    {
        if (await db.Meetings.Where(m => m.Unit!.Path.StartsWith(branchPath)).OrderBy(m => m.Id).Select(m => (int?)m.Id).FirstOrDefaultAsync() is not { } meeting)
        {
            var created = new Jishi.Web.Features.Meetings.Meeting(ids.Branch, Jishi.Web.Features.Meetings.MeetingType.CommitteeMeeting,
                new DateOnly(2016, 4, 5), "矩阵测试会议", "matrix", new DateTime(2016, 4, 5, 1, 0, 0, DateTimeKind.Utc));
            db.Meetings.Add(created);
            await db.SaveChangesAsync();
            meeting = created.Id;
        }
        return ids with { Meeting = meeting };
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

    /// <summary>A 民主评议党员 round of the branch and its first participant (added when the demo has none).</summary>
    private static async Task<CommunityIds> EvaluationIdsAsync(Jishi.Web.Data.JishiDbContext db, CommunityIds ids)
    {
        var path = await db.Units.Where(u => u.Id == ids.Branch).Select(u => u.Path).SingleAsync();
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

    /// <summary>A pledge of a member of the branch, a 公示 of the community and an objection in it (added when the demo has none).</summary>
    private static async Task<CommunityIds> PledgeIdsAsync(Jishi.Web.Data.JishiDbContext db, string branchPath, CommunityIds ids)
    {
        var at = new DateTime(2016, 4, 5, 1, 0, 0, DateTimeKind.Utc);
        if (await db.Pledges.Where(p => db.Members.Any(m => m.Id == p.MemberId && m.Unit!.Path.StartsWith(branchPath)))
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

    /// <summary>The grading of the branch in the demo's 2016 round, an evidence file of it (added when the demo
    /// has none) and an indicator of the round's library.</summary>
    private static async Task<CommunityIds> GradingIdsAsync(Jishi.Web.Data.JishiDbContext db, CommunityIds ids)
    {
        var round = await db.GradingRounds.Where(r => r.Year == 2016).Select(r => new { r.Id, r.LibraryId }).SingleAsync();
        var grading = await db.BranchGradings.Where(g => g.RoundId == round.Id && g.UnitId == ids.Branch)
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

    /// <summary>The demo's first 2016 key task, the community's cell of it with an evidence file, its 责任清单 and a 宣传报道.</summary>
    private static async Task<CommunityIds> DutiesIdsAsync(Jishi.Web.Data.JishiDbContext db, CommunityIds ids)
    {
        var cell = await db.KeyTaskCells.Where(c => c.UnitId == ids.Community).OrderBy(c => c.Id).FirstAsync();
        if (await db.KeyTaskEvidence.Where(e => e.CellId == cell.Id).Select(e => (int?)e.Id).FirstOrDefaultAsync() is not { } evidence)
        {
            var file = new Jishi.Web.Features.Duties.KeyTaskEvidence(cell.Id, "矩阵测试.pdf", "application/pdf", "%PDF-1.4"u8.ToArray(), "matrix", new DateTime(2016, 4, 5, 1, 0, 0, DateTimeKind.Utc));
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

    /// <summary>A venue, an activity with a sign-up of a member, and a resident volunteer of the community (added when the demo has none).</summary>
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

    /// <summary>A 后进转化 plan of the branch with a milestone, a progress entry and an evidence file (added when the demo has none).</summary>
    private static async Task<CommunityIds> TurnaroundIdsAsync(Jishi.Web.Data.JishiDbContext db, CommunityIds ids)
    {
        var at = new DateTime(2016, 4, 5, 1, 0, 0, DateTimeKind.Utc);
        var plan = await db.TurnaroundPlans.Include(p => p.Milestones).Include(p => p.Progress)
            .Where(p => p.UnitId == ids.Branch).OrderBy(p => p.Id).FirstOrDefaultAsync();
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
        return ids with { Subject = subject, Problem = problem, EvidenceFile = file };
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


    /// <summary>Everything a leaking endpoint could change: domain rows (every change of them is audited) and the
    /// account rows Identity writes without the audit.</summary>
    public static Task<string> FingerprintAsync(this JishiFactory factory) => factory.WithDbAsync(async db => JsonSerializer.Serialize(new
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
}
