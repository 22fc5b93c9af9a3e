namespace Jishi.Web.Features.Organizations;

/// <summary>The 组织类别 values of the national party-member information system, and the levels of a street's tree
/// each may sit at: a community is led by a committee, a general branch or a branch; a 党组 is not a basic-level
/// organization and sits nowhere in a street's tree.</summary>
public static class OrgCategories
{
    private static readonly string[] Committees = ["党委", "党工委", "机关党委", "联合党委", "临时党委"];
    private static readonly string[] GeneralBranches = ["党总支", "联合党总支", "临时党总支"];
    private static readonly string[] Branches = ["党支部", "联合党支部", "临时党支部"];
    private static readonly string[] Groups = ["党小组"];
    private static readonly string[] LeadingGroups = ["党组", "分党组", "党组性质党委"];

    public static IReadOnlyList<string> All { get; } = [.. Committees, .. GeneralBranches, .. Branches, .. Groups, .. LeadingGroups];

    public static bool IsKnown(string category) => All.Contains(category);

    public static bool Allows(UnitKind kind, string category) => kind switch
    {
        UnitKind.Community => Committees.Contains(category) || GeneralBranches.Contains(category) || Branches.Contains(category),
        UnitKind.Branch => GeneralBranches.Contains(category) || Branches.Contains(category),
        UnitKind.PartyGroup => Branches.Contains(category) || Groups.Contains(category),
        _ => false,
    };
}
