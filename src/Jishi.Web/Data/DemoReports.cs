using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Reviews;

namespace Jishi.Web.Data;

/// <summary>The 述职报告 side of the demo: submitted 2016 reports for a few communities (七里墩社区, the sq01 account,
/// is left to write its own), and the published 2015 campaign whose 整改 tasks of 七里墩社区 (one 已销号, one overdue)
/// are what the 2016 report shows as last year's 整改.</summary>
public static class DemoReports
{
    private static readonly string[] Achievements =
    [
        "一是推行党员积分制管理，将参加组织生活、志愿服务、承诺践诺等纳入积分，全年累计记分 1.2 万分，评出星级党员 46 名。\n二是组建“红色物业”志愿服务队 5 支，开展环境整治、邻里互助、关爱空巢老人等志愿服务 80 余次，服务群众 3000 余人次。\n三是落实“三会一课”制度，全年召开支部党员大会 12 次、党课 4 次，组织生活会和民主评议党员按时完成。",
        "一是建立“党建+网格”工作机制，划分网格 12 个，党员担任网格长 9 名，收集解决群众诉求 156 件。\n二是开展在职党员进社区报到，报到党员 132 名，认领微心愿 210 个。\n三是规范党费收缴，全年按时足额收缴，公示 4 次。",
        "一是整合辖区共驻共建单位 8 家，签订共建协议，联合开展主题党日活动 10 次。\n二是持续推进志愿服务常态化，注册志愿者 420 名，人均服务时长 15 小时。\n三是加强流动党员管理，建立流动党员台账，通过微信群开展学习 24 次。",
    ];

    private static readonly string[][] Problems =
    [
        ["党员教育管理方式单一，对年轻党员吸引力不强", "软弱涣散党组织整顿成效不明显", "发展党员工作偏重数量，培养考察不够细"],
        ["网格党员作用发挥不平衡，部分网格长履职不到位", "党建工作台账不够规范，资料归档不及时"],
        ["流动党员管理手段有限，个别党员长期失联", "共驻共建活动多，实际解决群众难题少", "书记本人理论学习不够系统"],
    ];

    private static readonly string[] NextSteps =
    [
        "一是丰富党员教育形式，推广“微党课”和线上学习；二是对软弱涣散党支部实行街道领导包抓、限期整顿；三是严把发展党员质量关，坚持培养考察一年以上。",
        "一是开展网格长轮训，实行网格长月度评星；二是按照街道标准统一党建台账，每季度检查一次。",
        "一是与流动党员所在地党组织建立联系，年内全部恢复联系；二是建立共建项目清单，群众点单、党组织接单；三是书记带头落实学习计划。",
    ];

    public static async Task LoadAsync(JishiDbContext db, DemoCalendar demo, Unit street, ReviewCampaign campaign2016, IReadOnlyList<(Unit Unit, string Secretary)> communities,
        CancellationToken ct)
    {
        var subjects = campaign2016.Subjects.OrderBy(s => s.Id).ToList();
        for (var i = 0; i < Achievements.Length; i++)
        {
            // Subjects 2–4 (东岗, 西站, 南山路): the first is sq01's own, left for its secretary to write.
            var report = new WorkReport(subjects[i + 1].Id);
            Check(report.Edit(Achievements[i], Problems[i], NextSteps[i]));
            Check(report.Submit(demo.At(2016, 2, 5, 2 + i)));
            db.WorkReports.Add(report);
        }

        // Last year's meeting, held and published: the ballots of its twelve evaluators (for the dashboard's results) and
        // its 整改 tasks.
        var campaign2015 = new ReviewCampaign(street.Id, $"{demo.Year(2015)}年度社区党组织书记抓基层党建工作述职评议", demo.Year(2015), demo.Date(2015, 2, 10));
        foreach (var (unit, secretary) in communities)
        {
            campaign2015.AddSubject(unit, secretary);
        }
        campaign2015.AddVoterGroup("街道党工委成员", 1, 12);
        db.ReviewCampaigns.Add(campaign2015);
        await db.SaveChangesAsync(ct);
        await DemoBallots.HoldAsync(db, campaign2015, new Random(2015), ct);

        var (first, secretaryName) = communities[0];
        var closed = new Rectification(campaign2015.Id, first.Id, "“三会一课”记录不完整，部分支部党课次数不足", secretaryName, demo.Date(2015, 6, 30));
        Check(closed.Start("制定支部组织生活计划，每月检查记录"));
        Check(closed.Submit($"补齐 {demo.Year(2015)} 年上半年记录，党课 4 次均有签到和照片"));
        Check(closed.Verify(true, "admin", demo.Date(2015, 7, 10)));
        var overdue = new Rectification(campaign2015.Id, first.Id, "离退休党员参加组织生活比例偏低", secretaryName, demo.Overdue(2015, 10, 31));
        Check(overdue.Start("为行动不便的老党员送学上门"));
        db.Rectifications.AddRange(closed, overdue);
        await db.SaveChangesAsync(ct);
    }

    private static void Check(Jishi.Web.Shared.Error? error)
    {
        if (error is not null)
        {
            throw new InvalidOperationException("Demo data breaks a rule: " + error.Code);
        }
    }
}
