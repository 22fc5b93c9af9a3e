using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Jishi.IntegrationTests.Points;

public sealed record EntryCreatedRow(long Id, decimal Points, string Status, bool CapCut);

public sealed record EntryRow(long Id, int MemberId, string MemberName, string RuleCode, string RuleName, int RuleVersion, decimal Quantity,
    decimal Requested, decimal Points, bool CapCut, string Status, DateOnly OccurredOn, string RecordedBy, string? ApprovedBy,
    string? Reason, string? SourceKey, long? ReversalOf, bool Reversed);

public sealed record MemberPointsRow(int MemberId, string Name, int Year, decimal BaseScore, decimal AssessmentScore, decimal SpendableBalance,
    int StarLevel, bool Vetoed, List<EntryRow> Entries);

public sealed record RuleRow(string Code, string Name, decimal Points, string Unit, decimal? CapPerMonth, decimal? CapPerYear, bool NeedsApproval);

public sealed record LeaderRow(int Rank, int MemberId, string Name, decimal AssessmentScore, int StarLevel);

/// <summary>Helpers of the points tests: members of a demo community by tier, and posting entries.</summary>
public static class PointsApi
{
    /// <summary>Active members of <paramref name="secretary"/>'s community with <paramref name="tier"/> (null: any), in id order.</summary>
    public static async Task<List<int>> MembersAsync(this JishiFactory factory, string secretary, string? tier = "在职")
    {
        var community = await factory.CommunityOfAsync(secretary);
        return await factory.WithDbAsync(db => db.Members.Where(m => m.Unit!.Path.StartsWith(community.Path) && (tier == null || m.Tier == tier)
            && m.Status == MemberStatus.Active).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());
    }

    public static Task<HttpResponseMessage> PostEntryAsync(this HttpClient client, int memberId, string ruleCode, decimal quantity = 1,
        string occurredOn = "2017-03-01", string? sourceKey = null, string? evidence = null) =>
        client.PostAsJsonAsync("/api/points/entries", new { memberId, ruleCode, quantity, occurredOn, note = "测试", sourceKey, evidence });
}
