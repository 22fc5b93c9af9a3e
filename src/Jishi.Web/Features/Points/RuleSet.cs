using Jishi.Web.Shared;

namespace Jishi.Web.Features.Points;

public enum RuleSetStatus
{
    Draft = 0,
    Current = 1,
    Retired = 2,
}

/// <summary>The rules (积分细则) of one street for one tier and year, versioned: a change is a new version, drafted as a
/// copy and adopted as a whole, and every ledger entry names the version that produced it, so history is never rewritten.
/// Exactly one version per street, tier and year is current.</summary>
public sealed class RuleSet
{
    public const decimal DefaultBaseScore = 60;

    private RuleSet() { }

    private RuleSet(int streetId, string tier, int year, int version, RuleSetStatus status, IEnumerable<PointRule> rules)
    {
        StreetId = streetId;
        Tier = tier;
        Year = year;
        Version = version;
        Status = status;
        var order = 0;
        foreach (var rule in rules)
        {
            rule.SortOrder = order++;
            Rules.Add(rule);
        }
    }

    public int Id { get; private set; }
    public int StreetId { get; private set; }
    public string Tier { get; private set; } = "";
    public int Year { get; private set; }
    public int Version { get; private set; }
    public RuleSetStatus Status { get; private set; }
    public decimal BaseScore { get; private set; } = DefaultBaseScore;

    /// <summary>The five star thresholds, "60,70,80,90,96" (see <see cref="StarScale"/>).</summary>
    public string StarThresholds { get; private set; } = StarScale.Default;

    /// <summary>社区复核: an entry that needs approval waits, after the branch secretary approves it, for the community's
    /// approval, and counts only then.</summary>
    public bool CommunityReview { get; private set; }

    public List<PointRule> Rules { get; private set; } = [];

    public StarScale Stars => StarScale.Parse(StarThresholds);

    public PointRule? Rule(string code) => Rules.FirstOrDefault(r => r.Code == code);

    /// <summary>Version 1 of a street's rules for a tier and year: the defaults of <see cref="DefaultRules"/>, current at once.</summary>
    public static RuleSet CreateDefault(int streetId, string tier, int year) =>
        new(streetId, tier, year, 1, RuleSetStatus.Current, DefaultRules(tier));

    /// <summary>Version 1 as a draft, from the defaults: a street that wants other rules than the defaults from the start.</summary>
    public static RuleSet DefaultDraft(int streetId, string tier, int year) =>
        new(streetId, tier, year, 1, RuleSetStatus.Draft, DefaultRules(tier));

    /// <summary>The next version as a draft: a copy of these rules to be changed and then adopted.</summary>
    public RuleSet NewDraft(int nextVersion) =>
        new(StreetId, Tier, Year, nextVersion, RuleSetStatus.Draft, Rules.OrderBy(r => r.SortOrder).Select(r => r.Copy()))
        {
            BaseScore = BaseScore,
            StarThresholds = StarThresholds,
            CommunityReview = CommunityReview,
        };

    /// <summary>Null while this set is a draft, the only state in which it may be changed or adopted; otherwise the error.</summary>
    public Error? WhyNotDraft() => Status == RuleSetStatus.Draft ? null : Error.Conflict("Points.NotDraft");

    /// <summary>Makes this draft the current version and retires the one it replaces; earlier entries keep naming theirs.</summary>
    public void Adopt(RuleSet? current)
    {
        if (WhyNotDraft() is not null)
        {
            throw new InvalidOperationException("Only a draft rule set can be adopted.");
        }
        if (current is not null)
        {
            if (current.StreetId != StreetId || current.Tier != Tier || current.Year != Year || current.Status != RuleSetStatus.Current)
            {
                throw new InvalidOperationException("A draft replaces the current version of its own street, tier and year.");
            }
            current.Status = RuleSetStatus.Retired;
        }
        Status = RuleSetStatus.Current;
    }

    /// <summary>Changes a draft as a whole: base score, star thresholds and the list of items, in order; community review
    /// when <paramref name="communityReview"/> is given.</summary>
    public void Revise(decimal baseScore, StarScale stars, IEnumerable<PointRule> rules, bool? communityReview = null)
    {
        if (WhyNotDraft() is not null)
        {
            throw new InvalidOperationException("Rules change in a draft version only.");
        }
        var list = rules.ToList();
        if (list.Select(r => r.Code).Distinct().Count() != list.Count)
        {
            throw new InvalidOperationException("Rule codes are unique within a set.");
        }
        BaseScore = baseScore;
        StarThresholds = stars.ToString();
        CommunityReview = communityReview ?? CommunityReview;
        Rules.Clear();
        var order = 0;
        foreach (var rule in list)
        {
            rule.SortOrder = order++;
            Rules.Add(rule);
        }
    }

    /// <summary>What adopting this draft changes against <paramref name="current"/> (null: no version adopted yet, so
    /// every item is new): items by code added, removed or changed in any field, and the set's own settings.</summary>
    public RuleSetChanges ChangesFrom(RuleSet? current)
    {
        var before = (current?.Rules ?? []).ToDictionary(r => r.Code, r => r.ToDto());
        var after = Rules.OrderBy(r => r.SortOrder).Select(r => r.ToDto()).ToList();
        return new RuleSetChanges(Version, current?.Version,
            current is null || current.BaseScore != BaseScore ? (current?.BaseScore, BaseScore) : null,
            current is null || current.StarThresholds != StarThresholds ? (current?.StarThresholds, StarThresholds) : null,
            current?.CommunityReview != CommunityReview ? CommunityReview : null,
            after.Where(r => !before.ContainsKey(r.Code)).Select(r => r.Name).ToList(),
            before.Values.Where(r => after.All(a => a.Code != r.Code)).Select(r => r.Name).ToList(),
            after.Where(r => before.TryGetValue(r.Code, out var old) && old != r).Select(r => r.Name).ToList());
    }

    /// <summary>The committee's defaults. 在职 members get the full list of the issue; 离退休, 流动 and 年老体弱 smaller sets
    /// suited to what they can attend; any other tier (社区干部, a street's own) the 在职 list. Every set has the veto item.</summary>
    public static IReadOnlyList<PointRule> DefaultRules(string tier) => tier switch
    {
        "离退休" =>
        [
            Meeting(RuleCodes.GeneralMeeting, "参加党员大会", 20), Meeting(RuleCodes.GroupMeeting, "参加党小组会", 60),
            Meeting(RuleCodes.ThemeDay, "参加主题党日", 60), Meeting(RuleCodes.PartyLecture, "参加党课", 5),
            Meeting(RuleCodes.LifeMeeting, "参加组织生活会", 5),
            Volunteer(), PledgeKept(), Wish(),
            Absence(), DuesLate(), Veto(), .. PublicityByLevel(),
        ],
        "流动" =>
        [
            Meeting(RuleCodes.GeneralMeeting, "参加党员大会（含线上）", 20), Meeting(RuleCodes.ThemeDay, "参加主题党日（含流入地）", 60),
            Meeting(RuleCodes.PartyLecture, "参加党课（含线上）", 5),
            new(RuleCodes.Report, "主动向支部报告思想、工作情况", 2, "次", capPerYear: 8, needsApproval: true),
            Volunteer(), PledgeKept(),
            DuesLate(), new(RuleCodes.OutOfContact, "无故与支部失去联系", -2, "次", needsApproval: true), Veto(), .. PublicityByLevel(),
        ],
        "年老体弱" =>
        [
            Meeting(RuleCodes.GeneralMeeting, "参加党员大会", 20), Meeting(RuleCodes.PartyLecture, "参加党课（含送学上门）", 5),
            PledgeKept(), Wish(),
            DuesLate(), Veto(), .. PublicityByLevel(),
        ],
        _ =>
        [
            Meeting(RuleCodes.GeneralMeeting, "参加党员大会", 20), Meeting(RuleCodes.CommitteeMeeting, "参加支委会", 60),
            Meeting(RuleCodes.GroupMeeting, "参加党小组会", 60), Meeting(RuleCodes.ThemeDay, "参加主题党日", 60),
            Meeting(RuleCodes.PartyLecture, "参加党课", 5), Meeting(RuleCodes.LifeMeeting, "参加组织生活会", 5),
            Volunteer(), PledgeKept(), Wish(),
            new(RuleCodes.Publicity, "宣传报道被采用", 3, "件", needsApproval: true, needsEvidence: true),
            Absence(), DuesLate(),
            new(RuleCodes.LateOrEarly, "参加会议迟到、早退", -0.5m, "次"),
            new(RuleCodes.LabourMissed, "无故不参加义务劳动", -2, "次"),
            new(RuleCodes.LawBreach, "违反法律法规", -5, "次", needsApproval: true, needsEvidence: true),
            Veto(), .. PublicityByLevel(),
        ],
    };

    private static PointRule Meeting(string code, string name, decimal capPerYear) => new(code, name, 5, "次", capPerYear: capPerYear);

    private static PointRule Volunteer() => new(RuleCodes.VolunteerHour, "参加志愿服务", 1, "小时", needsApproval: true);

    private static PointRule PledgeKept() => new(RuleCodes.PledgeKept, "公开承诺兑现（践诺）", 10, "件", needsApproval: true, needsEvidence: true);

    private static PointRule Wish() => new(RuleCodes.WishFulfilled, "认领并完成微心愿", 3, "件", needsApproval: true);

    private static PointRule Absence() => new(RuleCodes.Absence, "无故缺席组织生活", -1, "次");

    private static PointRule DuesLate() => new(RuleCodes.DuesLate, "未按时交纳党费", -1, "次");

    /// <summary>宣传报道 by outlet level, posted automatically for the members an item credits (Features/Publicity): twice the
    /// level's default weight, 区级 2, 市级 4, 省级 8, 国家级 16.</summary>
    private static PointRule[] PublicityByLevel() =>
    [
        new(RuleCodes.PublicityDistrict, "宣传报道（区级）", 2, "件"), new(RuleCodes.PublicityCity, "宣传报道（市级）", 4, "件"),
        new(RuleCodes.PublicityProvince, "宣传报道（省级）", 8, "件"), new(RuleCodes.PublicityNational, "宣传报道（国家级）", 16, "件"),
    ];

    private static PointRule Veto() => new(RuleCodes.Veto, "受到党纪处分或违法犯罪（一票否决）", 0, "次", needsApproval: true, needsEvidence: true, isVeto: true);
}

/// <summary>What adopting a draft changes: <see cref="BaseScore"/> and <see cref="StarThresholds"/> are (before, after)
/// when they differ, <see cref="CommunityReview"/> the new setting when it differs; item lists hold names.</summary>
public sealed record RuleSetChanges(int Version, int? CurrentVersion, (decimal? From, decimal To)? BaseScore,
    (string? From, string To)? StarThresholds, bool? CommunityReview, IReadOnlyList<string> Added, IReadOnlyList<string> Removed,
    IReadOnlyList<string> Changed)
{
    public bool None => BaseScore is null && StarThresholds is null && CommunityReview is null && Added.Count == 0 && Removed.Count == 0
        && Changed.Count == 0;
}

/// <summary>The codes of the default rules; automatic sources (meeting attendance, pledges, wishes) post by these.</summary>
public static class RuleCodes
{
    public const string GeneralMeeting = "general-meeting";
    public const string CommitteeMeeting = "committee-meeting";
    public const string GroupMeeting = "group-meeting";
    public const string ThemeDay = "theme-day";
    public const string PartyLecture = "party-lecture";
    public const string LifeMeeting = "life-meeting";
    public const string VolunteerHour = "volunteer-hour";
    public const string PledgeKept = "pledge-kept";
    public const string WishFulfilled = "wish-fulfilled";
    public const string Publicity = "publicity";
    public const string PublicityDistrict = "publicity-district";
    public const string PublicityCity = "publicity-city";
    public const string PublicityProvince = "publicity-province";
    public const string PublicityNational = "publicity-national";
    public const string Report = "report";
    public const string Absence = "absence";
    public const string DuesLate = "dues-late";
    public const string LateOrEarly = "late-or-early";
    public const string LabourMissed = "labour-missed";
    public const string LawBreach = "law-breach";
    public const string OutOfContact = "out-of-contact";
    public const string Veto = "veto";
}
