using System.Collections.Concurrent;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Members;
using Jishi.Web.Features.Accounts;

namespace Jishi.IntegrationTests.Infrastructure;

/// <summary>A branch of an <see cref="OwnCommunity"/> and its members, all of one tier, oldest first.</summary>
public sealed record OwnBranch(int Id, List<int> Members);

/// <summary>A community of a test's own on the demo street, made through the API: no other test knows its units, members
/// or points, so the test neither reads nor has to step around anyone else's data. <see cref="Secretary"/> is a bearer
/// client of its community secretary.</summary>
public sealed record OwnCommunity(int Id, HttpClient Secretary, List<OwnBranch> Branches)
{
    private static readonly ConcurrentDictionary<(JishiFactory, Type, string), Lazy<Task<OwnCommunity>>> OfClasses = new();
    private static int _people;

    /// <summary>The community <paramref name="name"/> of test class <typeparamref name="TTest"/> on <paramref name="factory"/>'s
    /// database, made when the class's first test asks (<see cref="CreateAsync"/>); each test keeps to branches of its own.</summary>
    public static Task<OwnCommunity> OfClassAsync<TTest>(JishiFactory factory, string name, params (string Tier, int Members)[] branches) =>
        OfClasses.GetOrAdd((factory, typeof(TTest), name), _ => new(() => CreateAsync(factory, branches))).Value;

    /// <summary>A new community with one branch per entry of <paramref name="branches"/>, each with that many active members
    /// of that tier (在职, 离退休 …).</summary>
    public static async Task<OwnCommunity> CreateAsync(JishiFactory factory, params (string Tier, int Members)[] branches)
    {
        var admin = await factory.ClientForAsync("admin");
        var street = (await factory.CommunityOfAsync("sq01")).ParentId!.Value;
        var community = await UnitAsync(admin, street, "Community", "测试社区党委");
        var made = new List<OwnBranch>();
        foreach (var (tier, count) in branches)
        {
            var branch = await UnitAsync(admin, community, "Branch", tier + "测试支部");
            var members = new List<int>();
            for (var i = 0; i < count; i++)
            {
                members.Add(await MemberAsync(admin, branch, tier));
            }
            made.Add(new OwnBranch(branch, members));
        }
        return new OwnCommunity(community, await factory.ClientForNewAccountAsync(Roles.CommunitySecretary, community), made);
    }

    private static async Task<int> UnitAsync(HttpClient admin, int parentId, string kind, string name)
    {
        var created = await admin.PostAsJsonAsync("/api/units", new { parentId, kind, name = name + Guid.NewGuid().ToString("N")[..6] });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<UnitRow>())!.Id;
    }

    private static async Task<int> MemberAsync(HttpClient admin, int unitId, string tier)
    {
        var n = Interlocked.Increment(ref _people);
        var birth = new DateOnly(1950, 1, 1).AddDays(n);
        var created = await admin.PostAsJsonAsync("/api/members", new
        {
            name = $"测试党员{n}", gender = n % 2 == 0 ? "男" : "女", ethnicity = "汉族", birthDate = birth,
            idNumber = MemberEndpointTests.NewIdNumber(birth), education = "大学本科", category = "Full", unitId,
            joinedOn = new DateOnly(1990, 7, 1), fullMemberOn = new DateOnly(1991, 7, 1), tier, status = "Active",
        });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<MemberRow>())!.Id;
    }
}
