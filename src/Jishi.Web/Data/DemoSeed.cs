using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Meetings;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Points;
using Jishi.Web.Features.Reviews;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Data;

/// <summary>The 七里墩 demo street: nine community party organizations, their branches and party groups, about 600
/// members over all tiers, an account per community secretary, the 2016 review campaign (before the meeting, with some
/// 述职报告 submitted) and last year's published one (see <see cref="DemoReports"/>). Names of people are
/// fictional and generated from a fixed seed, so every demo looks the same; its 2016 is this year (<see cref="DemoCalendar"/>).</summary>
public sealed class DemoSeed(JishiDbContext db, UserManager<AppUser> users, IConfiguration config, DemoCalendar demo, PointsDemo points,
    MeetingsDemo meetings, Features.Shops.ShopsDemo shops, Features.Volunteering.VolunteeringDemo volunteering)
{
    public const string StreetName = "七里墩街道党工委";

    private static readonly (string Name, string Category, string Secretary, int Branches)[] Communities =
    [
        ("七里墩社区党委", "党委", "王建华", 4),
        ("东岗社区党委", "党委", "李秀英", 4),
        ("西站社区党总支", "党总支", "张志强", 3),
        ("南山路社区党总支", "党总支", "刘桂兰", 3),
        ("北滨河社区党总支", "党总支", "陈国庆", 3),
        ("文化街社区党总支", "党总支", "杨丽萍", 3),
        ("火车站社区党总支", "党总支", "赵永刚", 3),
        ("金港社区党委", "党委", "孙晓梅", 4),
        ("幸福里社区党总支", "党总支", "周文斌", 3),
    ];

    private static readonly string[] BranchNames = ["第一党支部", "第二党支部", "离退休党支部", "流动党员党支部"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "韩", "冯", "董", "魏", "蒋"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建国", "志华", "玉梅", "海燕", "红梅", "德明", "立新", "春生", "卫东", "淑珍", "文革", "晓东", "雪莲", "国强"];
    private static readonly string[] Educations = ["研究生", "大学本科", "大学专科", "中专", "高中", "初中", "小学"];
    private static readonly string[] Posts = ["企业管理人员", "专业技术人员", "工勤技能人员", "社区工作者", "离退休人员", "个体经营者", "农民工", "学生"];

    /// <summary>Loads the demo; returns the password of the demo secretaries' accounts.</summary>
    public async Task<string> LoadAsync(CancellationToken ct)
    {
        var random = new Random(DemoCalendar.StoryYear);
        var street = AddUnit(new Unit(StreetName, UnitKind.Street, null) { OrgCategory = "党工委", SecretaryName = "马卫国" });
        var members = new List<Member>();
        var communities = new List<(Unit Unit, string Secretary)>();
        foreach (var (name, category, secretary, branchCount) in Communities)
        {
            var community = AddUnit(new Unit(name, UnitKind.Community, street)
            {
                OrgCategory = category, SecretaryName = secretary, SortOrder = communities.Count,
                EmployerSituation = "与上级党组织相同", EmployerName = name.Replace(category, "") + "居民委员会", EmployerCategory = "社区（居委会）",
            });
            communities.Add((community, secretary));
            for (var b = 0; b < branchCount; b++)
            {
                var branch = AddUnit(new Unit(BranchNames[b], UnitKind.Branch, community) { OrgCategory = "党支部", SortOrder = b });
                var groups = new List<Unit>();
                for (var g = 0; g < 2; g++)
                {
                    groups.Add(AddUnit(new Unit(g == 0 ? "第一党小组" : "第二党小组", UnitKind.PartyGroup, branch) { SortOrder = g }));
                }
                var size = 14 + random.Next(10);
                for (var i = 0; i < size; i++)
                {
                    var tier = BranchNames[b] switch
                    {
                        "离退休党支部" => random.Next(4) == 0 ? "年老体弱" : "离退休",
                        "流动党员党支部" => "流动",
                        _ => random.Next(6) == 0 ? "社区干部" : "在职",
                    };
                    members.Add(NewMember(random, i == 0 && b == 0 ? secretary : null, tier, random.Next(3) == 0 ? branch : groups[random.Next(2)]));
                }
            }
        }
        // Ids first, then the paths that are made of them (parents were added before their children).
        await db.SaveChangesAsync(ct);
        foreach (var unit in _units)
        {
            unit.AssignPath();
        }
        db.Members.AddRange(members);
        await db.SaveChangesAsync(ct);
        // Hundreds of tracked rows would make every later save scan them all.
        db.ChangeTracker.Clear();

        var campaign = new ReviewCampaign(street.Id, $"{demo.Year(2016)}年度社区党组织书记抓基层党建工作述职评议", demo.Year(2016), demo.ReviewMeeting);
        foreach (var (unit, secretary) in communities)
        {
            campaign.AddSubject(unit, secretary);
        }
        // About ninety evaluators in the meeting hall, in the four groups the committee invited.
        campaign.AddVoterGroup("街道党工委成员", 0.3, 12);
        campaign.AddVoterGroup("新当选社区两委成员", 0.3, 36);
        campaign.AddVoterGroup("各站所负责人", 0.2, 18);
        campaign.AddVoterGroup("社区干部", 0.2, 24);
        db.ReviewCampaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        await DemoReports.LoadAsync(db, demo, street, campaign, communities, ct);
        await points.LoadAsync(ct);
        await meetings.LoadAsync(ct);
        await Features.Pledges.PledgesDemo.LoadAsync(db, demo, ct);
        await Features.Points.Postings.PostingsDemo.LoadAsync(db, demo, ct);
        await shops.LoadAsync(ct);
        await Features.Wishes.WishesDemo.LoadAsync(db, demo, ct);
        await volunteering.LoadAsync(ct);
        await Features.MemberEvaluation.EvaluationDemo.LoadAsync(db, demo, ct);
        await Features.Duties.DutiesDemo.LoadAsync(db, demo, ct);
        await Features.Publicity.PublicityDemo.LoadAsync(db, demo, ct);
        await Features.Dashboard.DashboardDemo.LoadAsync(db, demo, ct);
        await Features.Turnaround.TurnaroundDemo.LoadAsync(db, demo, ct);

        var password = config["Jishi:DemoPassword"] is { Length: >= 8 } given ? given : DatabaseInitializer.GeneratePassword();
        // The accounts share one password: hash it once (a hash costs a noticeable part of a second by design).
        string? hash = null;
        for (var i = 0; i < communities.Count; i++)
        {
            var (unit, secretary) = communities[i];
            var account = new AppUser { UserName = $"sq{i + 1:00}", DisplayName = secretary, UnitId = unit.Id };
            account.PasswordHash = hash ??= users.PasswordHasher.HashPassword(account, password);
            await DatabaseInitializer.CreateUserAsync(users, account, null, Roles.CommunitySecretary);
        }
        await MemberAccountsDemo.LoadAsync(db, users, password, ct);
        await Features.Grading.GradingDemo.LoadAsync(db, demo, users, password, ct);
        return password;
    }

    private readonly List<Unit> _units = [];

    private Unit AddUnit(Unit unit)
    {
        db.Units.Add(unit);
        _units.Add(unit);
        return unit;
    }

    private Member NewMember(Random r, string? name, string tier, Unit unit)
    {
        var old = tier is "离退休" or "年老体弱";
        var birth = new DateOnly(demo.Year(old ? 1930 + r.Next(25) : 1960 + r.Next(35)), 1 + r.Next(12), 1 + r.Next(28));
        var joined = birth.AddYears(20 + r.Next(15)).AddDays(r.Next(365));
        var today = new DateOnly(demo.Year(2016), 1, 1);
        var probationary = !old && r.Next(25) == 0;
        if (probationary || joined >= today)
        {
            joined = today.AddDays(-r.Next(300) - 30);
        }
        return new Member(new MemberInput
        {
            Name = name ?? Surnames[r.Next(Surnames.Length)] + GivenNames[r.Next(GivenNames.Length)],
            Gender = r.Next(2) == 0 ? "男" : "女",
            Ethnicity = r.Next(12) == 0 ? "回族" : "汉族",
            BirthDate = birth,
            IdNumber = IdNumberFor(r, birth),
            Education = Educations[Math.Min(Educations.Length - 1, r.Next(old ? 3 : 0, old ? 7 : 4))],
            Category = probationary ? MemberCategory.Probationary : MemberCategory.Full,
            JoinedOn = joined,
            FullMemberOn = probationary ? null : joined.AddYears(1),
            Post = old ? "离退休人员" : Posts[r.Next(Posts.Length - 1)],
            Phone = "1" + (3 + r.Next(7)) + r.Next(100_000_000, 999_999_999),
            Address = "七里墩街道" + unit.Name + (r.Next(1, 40)) + "号楼" + (r.Next(1, 6)) + "单元" + (r.Next(101, 1802)) + "室",
            IsFloating = tier == "流动",
            FloatingTo = tier == "流动" ? "甘肃省兰州市城关区" : null,
            Tier = tier,
            Position = name is null ? null : "社区党组织书记",
            Status = MemberStatus.Active,
        }, unit);
    }

    /// <summary>A valid 18-character ID number (GB 11643) of a 兰州 district for the given birth date.</summary>
    private string IdNumberFor(Random r, DateOnly birth)
    {
        string id;
        do
        {
            var body = "620102" + birth.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + r.Next(100, 1000);
            id = body + MemberRules.CheckCharacter(body);
        }
        while (!_idNumbers.Add(id));
        return id;
    }

    private readonly HashSet<string> _idNumbers = [];
}
