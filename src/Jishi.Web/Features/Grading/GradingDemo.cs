using Jishi.Web.Data;
using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Grading;

/// <summary>The demo's 分类定级: the street's indicator library for 2015 and 2016 (the same 16 indicators), the 2015 round
/// final and the 2016 round posted (公示 from 2016-12-20, one objection still to answer), with a realistic spread of grades
/// (five-star branches over the cap, a few 后进, one 整顿) for the year-on-year columns and for turnaround plans; and
/// accounts zb0101.. for the branch secretaries of the first community (demo password).</summary>
public static class GradingDemo
{
    private const int Year = DemoCalendar.StoryYear;

    private static readonly (string Category, string Item, string Content, decimal Full, string Criteria, bool Evidence, IndicatorKind Kind, bool Veto, string? Auto)[] Library =
    [
        ("组织建设", "班子建设", "支部委员会设置健全，按期换届，分工明确", 5, "未按期换届扣3分；委员缺额未及时补选扣2分", true, IndicatorKind.Basic, false, null),
        ("组织建设", "组织设置", "党小组划分合理，党员全部编入党小组", 5, "有党员未编入党小组的，每人扣1分", false, IndicatorKind.Basic, false, null),
        ("组织建设", "阵地建设", "有固定活动场所，党建标识规范统一", 5, "无固定场所扣3分；标识不规范扣2分", true, IndicatorKind.Basic, false, null),
        ("组织建设", "发展党员", "严格按程序发展党员，档案材料完整", 10, "程序不规范每人扣3分；档案缺项每项扣1分", true, IndicatorKind.Basic, false, null),
        ("党员队伍", "党员教育", "开展“两学一做”学习教育，党员年度集中学习不少于32学时", 10, "学时每少4学时扣1分；无学习记录扣5分", true, IndicatorKind.Basic, false, null),
        ("党员队伍", "党员管理", "按时足额收缴党费，与流动党员保持经常联系", 10, "党费未按月收缴扣3分；失联党员每人扣2分", false, IndicatorKind.Basic, false, null),
        ("制度落实", "三会一课", "按期召开支部党员大会、支委会、党小组会，按时上好党课", 15, "每缺一次会议扣1分；全年党课少于4次扣3分", true, IndicatorKind.Basic, false, null),
        ("制度落实", "组织生活会和民主评议", "每年召开一次组织生活会，开展民主评议党员", 10, "未召开扣10分；程序不规范扣3分", true, IndicatorKind.Basic, false, null),
        ("作用发挥", "服务群众", "组织党员开展志愿服务、认领微心愿", 8, "人均志愿服务少于10小时扣2分；无服务记录扣5分", true, IndicatorKind.Basic, false, null),
        ("作用发挥", "重点任务", "完成街道党工委部署的年度重点党建任务", 7, "满分×所在社区重点任务完成率", false, IndicatorKind.Basic, false, "key-tasks"),
        ("作用发挥", "宣传报道", "支部工作在各级媒体宣传报道", 5, "按宣传报道加权数计分：区级1、市级2、省级4、国家级8，累计不超过5分", false, IndicatorKind.Basic, false, "publicity"),
        ("基本保障", "台账资料", "党建工作台账完整规范，及时归档", 5, "台账缺项每项扣1分", false, IndicatorKind.Basic, false, null),
        ("基本保障", "经费使用", "党组织活动经费使用规范，账目清楚", 5, "使用不规范扣3分", false, IndicatorKind.Basic, false, null),
        ("扣分项", "信访维稳", "发生党员参与的群体性上访事件", 5, "每起扣2分，最多扣5分", false, IndicatorKind.Deduction, false, null),
        ("扣分项", "交办事项", "街道交办事项未按期完成", 5, "每次扣1分，最多扣5分", false, IndicatorKind.Deduction, false, null),
        ("一票否决", "违纪违法", "支部班子成员受到党纪政务处分，或发生严重违纪违法问题", 0, "发生即定为一星、后进", false, IndicatorKind.Deduction, true, null),
    ];

    public static async Task LoadAsync(JishiDbContext db, DemoCalendar demo, UserManager<AppUser> users, string password, CancellationToken ct)
    {
        var street = await db.Units.Where(u => u.Kind == UnitKind.Street).OrderBy(u => u.Id).FirstAsync(ct);
        var branches = await db.Units.Within(street.Path).Where(u => u.Kind == UnitKind.Branch)
            .OrderBy(u => u.Parent!.SortOrder).ThenBy(u => u.ParentId).ThenBy(u => u.SortOrder).ToListAsync(ct);
        var random = new Random(Year);
        // A fixed quality per branch, so that 2015 and 2016 differ by a little noise: most branches good, a few weak.
        var quality = branches.Select((_, i) => i switch
        {
            5 => 0.52,
            13 => 0.6,
            22 => 0.64,
            _ => 0.7 + random.NextDouble() * 0.28,
        }).ToArray();
        await LoadRoundAsync(db, demo, street.Id, branches, quality, Year - 1, random, ct);
        await LoadRoundAsync(db, demo, street.Id, branches, quality, Year, random, ct);

        var community = branches[0].ParentId;
        var first = branches.Where(b => b.ParentId == community).ToList();
        string? hash = null;
        for (var i = 0; i < first.Count; i++)
        {
            var account = new AppUser { UserName = $"zb01{i + 1:00}", DisplayName = first[i].Name + "书记", UnitId = first[i].Id };
            account.PasswordHash = hash ??= users.PasswordHasher.HashPassword(account, password);
            await DatabaseInitializer.CreateUserAsync(users, account, null, Roles.BranchSecretary);
        }
    }

    /// <summary>The round of a year of the story (2015 or 2016), re-dated.</summary>
    private static async Task LoadRoundAsync(JishiDbContext db, DemoCalendar demo, int streetId, IReadOnlyList<Unit> branches, double[] quality,
        int story, Random random, CancellationToken ct)
    {
        DateTime At(int month, int day) => demo.At(story, month, day, 2);
        DateOnly On(int month, int day) => demo.Date(story, month, day);
        var year = demo.Year(story);
        var library = new IndicatorLibrary(streetId, year, 1, "admin", At(1, 10));
        library.Replace(Library.Select((x, i) => new Indicator(i + 1, x.Category, x.Item, x.Content, x.Full, x.Criteria, x.Evidence, x.Veto, x.Kind, x.Auto)));
        library.Adopt("admin", At(1, 15));
        db.IndicatorLibraries.Add(library);
        await db.SaveChangesAsync(ct);

        var round = new GradingRound(streetId, year, library.Id, On(11, 30), GradingRound.DefaultPostingDays, new GradingSettings(), "admin", At(11, 1));
        db.GradingRounds.Add(round);
        await db.SaveChangesAsync(ct);
        var gradings = branches.Select(b => new BranchGrading(round.Id, b.Id)).ToList();
        db.BranchGradings.AddRange(gradings);
        round.MoveTo(RoundStatus.SelfEvaluation, On(11, 1), 0, At(11, 1));
        await db.SaveChangesAsync(ct);

        for (var b = 0; b < branches.Count; b++)
        {
            var grading = gradings[b];
            var q = quality[b] + (random.NextDouble() - 0.5) * 0.06;
            foreach (var indicator in library.Indicators)
            {
                var score = indicator.Kind == IndicatorKind.Deduction
                    ? (indicator.IsVeto || random.NextDouble() < 0.8 ? 0 : 1 + random.Next(2))
                    : Math.Min(indicator.FullScore, Math.Round(indicator.FullScore * (decimal)Math.Clamp(q + (random.NextDouble() - 0.4) * 0.1, 0, 1) * 2) / 2);
                var stage = indicator.AutoSource is null ? ScoreStage.Self : ScoreStage.Street;
                grading.Score(indicator.Id, stage, score, false, null, stage == ScoreStage.Self ? "zb" : "admin", At(11, 20));
            }
            grading.Submit("zb", At(11, 25));
            // The community trims an optimistic self-score now and then, with its reason.
            if (b % 4 == 1)
            {
                var meetings = library.Indicators.Single(i => i.Item == "三会一课");
                var self = grading.Scores.Single(s => s.IndicatorId == meetings.Id).Score;
                grading.Score(meetings.Id, ScoreStage.Community, Math.Max(0, self - 2), false, "党小组会记录缺两次", "sq", At(12, 2));
            }
            grading.Review(true, null, "sq", At(12, 3));
            grading.Decide(GradingFormula.Round((decimal)(Math.Clamp(q * 100 + (random.NextDouble() - 0.5) * 8, 40, 99))), "admin", At(12, 10));
        }
        round.MoveTo(RoundStatus.CommunityReview, On(12, 1), 0, At(12, 1));
        round.MoveTo(RoundStatus.StreetDecision, On(12, 5), 0, At(12, 5));
        var inputs = gradings.ToDictionary(g => g.Id, g => g.Input(library.Indicators));
        foreach (var outcome in GradingFormula.Grade([.. inputs.Values], round.Settings))
        {
            gradings.Single(g => g.Id == outcome.Key).Publish(inputs[outcome.Key], outcome);
        }
        round.MoveTo(RoundStatus.Posted, On(12, 20), 0, At(12, 20));
        await db.SaveChangesAsync(ct);

        var lowest = gradings.OrderBy(g => g.Total).First();
        var evidence = library.Indicators.Single(i => i.Item == "三会一课");
        db.GradingEvidence.Add(new GradingEvidence(gradings[0].Id, evidence.Id, $"{year}年三会一课记录.pdf", "application/pdf", "%PDF-1.4 demo"u8.ToArray(), "zb", At(11, 20)));
        var objection = new GradingObjection(lowest.Id, "张先生", "13909315566", "支部今年组织了多次志愿服务，评分是否偏低？请复核服务群众一项。", null, At(12, 22));
        db.GradingObjections.Add(objection);
        if (story < Year)
        {
            objection.Reply("经复核，服务群众项已按志愿服务记录计分，维持原定级。", "admin", At(12, 28));
            round.MoveTo(RoundStatus.Final, On(12, 29), 0, At(12, 29));
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
