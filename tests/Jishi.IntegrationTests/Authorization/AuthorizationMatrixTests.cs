using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Jishi.IntegrationTests.Authorization;

/// <summary>Issue 2's authorization matrix: every protected API endpoint, found in the app's endpoint list rather than
/// written down here, is called by community A's secretary with community B's ids. A new endpoint that forgets the
/// caller's subtree makes this fail without anyone adding a line. Issue 6's full table of every role is <see cref="AccessMatrixTests"/>;
/// these stay as the quick view. A host of its own: the ids it creates (MatrixIds: an objection, a wish, a pledge …) must
/// not show in other tests' counts.</summary>
public sealed class AuthorizationMatrixTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
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
        var own = await factory.IdsOfAsync("sq01");
        var other = await factory.IdsOfAsync("sq02");
        var markers = await MarkersOfAsync("sq02");
        var client = await factory.ClientForAsync("sq01");
        var before = await factory.FingerprintAsync();
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
        Assert.Equal(before, await factory.FingerprintAsync());

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
        var own = await factory.IdsOfAsync("sq01");
        var client = await factory.ClientForNewAccountAsync(Roles.Member, own.Community);
        var before = await factory.FingerprintAsync();
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
        Assert.Equal(before, await factory.FingerprintAsync());
    }

    /// <summary>A member's own account, in the same community as the ids: every endpoint that takes an id refuses it (its
    /// policy, or 404 for the open ones such as /api/my/objections), and none of those that take no id shows the other
    /// member's ID number or entries.</summary>
    [Fact]
    public async Task EveryEndpoint_MemberRoleWithAnotherMembersIds_Answers403Or404AndShowsNothingOfThem()
    {
        var endpoints = Endpoints();
        var ids = await factory.IdsOfAsync("sq01");
        var client = await factory.ClientForNewAccountAsync(Roles.Member, ids.Community);
        var other = await factory.WithDbAsync(async db => new
        {
            IdNumber = await db.Members.Where(m => m.Id == ids.Member).Select(m => m.IdNumber!).SingleAsync(),
            Entries = await db.LedgerEntries.Where(e => e.MemberId == ids.Member).Select(e => e.SourceKey ?? e.RecordedBy).ToListAsync(),
        });
        var before = await factory.FingerprintAsync();
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
        Assert.Equal(before, await factory.FingerprintAsync());
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
        var other = await factory.IdsOfAsync("sq02");
        var client = await factory.ClientForAsync("sq01");

        using var response = await client.GetAsync($"/api/members/{other.Member}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemRow>();
        Assert.Equal(("未找到", "党员不存在，或不在您的管辖范围内"), (problem!.Title, problem.Detail));
    }

    private static string Truncate(string s) => s.Length <= 300 ? s : s[..300] + "…";
}
