using System.Net;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jishi.IntegrationTests.Authorization;

/// <summary>One caller of the matrix: a client signed in with the role, the ids of what it owns, sets of ids of what it does
/// not, and text that only those foreign resources contain.</summary>
public sealed record MatrixCaller(HttpClient Client, CommunityIds Own, IReadOnlyList<(string Name, CommunityIds Ids, IReadOnlyList<string> Markers)> Foreign);

/// <summary>A database of its own for the matrix, since it moves a community to a second street and lets every role write.</summary>
public sealed class MatrixFactory : JishiFactory
{
    private Task<IReadOnlyDictionary<Caller, MatrixCaller>>? _callers;

    public Task<IReadOnlyDictionary<Caller, MatrixCaller>> CallersAsync() => _callers ??= BuildAsync();

    private async Task<IReadOnlyDictionary<Caller, MatrixCaller>> BuildAsync()
    {
        _ = Server;
        var moved = await SecondStreetAsync("sq06");
        var own = new Dictionary<Caller, CommunityIds>
        {
            [Caller.StreetAdmin] = await this.IdsOfAsync("sq03"),
            [Caller.CommunitySecretary] = await this.IdsOfAsync("sq02"),
            [Caller.SysAdmin] = await this.IdsOfAsync("sq04"),
        };
        var first = await this.CommunityOfAsync("sq01");
        var branches = await this.BranchesOfAsync(first.Id);
        var dy01 = await this.WithDbAsync(db => db.Users.Where(u => u.UserName == "dy01").Select(u => u.MemberId!.Value).SingleAsync());
        var dy01Branch = await this.WithDbAsync(db => db.Members.Where(m => m.Id == dy01).Select(m => m.Unit!.Path).SingleAsync());
        var branch = branches.Single(b => dy01Branch.StartsWith(b.Path, StringComparison.Ordinal));
        var otherMember = await this.WithDbAsync(db => db.Members.Where(m => m.Unit!.Path.StartsWith(branch.Path) && !db.Users.Any(u => u.MemberId == m.Id))
            .OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
        var secretaryOfBranch = await this.WithDbAsync(db => db.Users.Where(u => u.UnitId == branch.Id).Select(u => u.UserName!).SingleAsync());
        var sibling = branches.First(b => b.Id != branch.Id);
        var neighbour = await this.CommunityOfAsync("sq02");

        var foreignStreet = await this.IdsOfAsync(moved.Id);
        // Names stay out of the second street's markers: the street's own campaign and grading round keep the moved community's
        // subjects and branches as history (see AccessMatrix.Rows); ID numbers and its secretary's account must not show.
        var streetMarkers = (await MarkersAsync(moved.Path, "sq06")).Where(m => m == "sq06" || m.Any(char.IsDigit)).ToList();
        return new Dictionary<Caller, MatrixCaller>
        {
            [Caller.StreetAdmin] = new(await this.ClientForNewAccountAsync(Roles.StreetAdmin, first.ParentId!.Value),
                own[Caller.StreetAdmin], [("second street", foreignStreet, streetMarkers)]),
            [Caller.CommunitySecretary] = new(await ClientForAsync("sq02"), own[Caller.CommunitySecretary],
                [("neighbouring community", await this.IdsOfAsync("sq01"), await MarkersAsync(first.Path, "sq01"))]),
            [Caller.BranchSecretary] = new(await ClientForAsync(secretaryOfBranch), await this.IdsOfAsync(first.Id, branch.Id),
            [
                ("sibling branch", await this.IdsOfAsync(first.Id, sibling.Id), await MarkersAsync(sibling.Path, null)),
                ("other community", await this.IdsOfAsync(neighbour.Id), await MarkersAsync(neighbour.Path, "sq02")),
            ]),
            [Caller.Member] = new(await ClientForAsync("dy01"), await this.IdsOfAsync(first.Id, branch.Id, dy01),
                [("another member", await this.IdsOfAsync(first.Id, branch.Id, otherMember), await MemberMarkersAsync(otherMember))]),
            [Caller.SysAdmin] = new(await this.ClientForNewAccountAsync(Roles.SysAdmin, first.ParentId!.Value), own[Caller.SysAdmin],
                [("second street", foreignStreet, streetMarkers)]),
        };
    }

    /// <summary>A second street ("矩阵测试街道") to which <paramref name="secretary"/>'s community moves with all its data, as the
    /// command line would move it.</summary>
    private async Task<Unit> SecondStreetAsync(string secretary)
    {
        var community = await this.CommunityOfAsync(secretary);
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Jishi.Web.Data.JishiDbContext>();
        var street = new Unit("矩阵测试街道党工委", UnitKind.Street, null);
        db.Units.Add(street);
        await db.SaveChangesAsync();
        street.AssignPath();
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetCommandLine();
        var moved = await scope.ServiceProvider.GetRequiredService<ChangeUnit>().MoveAsync(community.Id, street.Id, CancellationToken.None);
        Assert.True(moved.IsSuccess, "the community moves to the second street");
        return await db.Units.AsNoTracking().SingleAsync(u => u.Id == community.Id);
    }

    /// <summary>Text only the subtree at <paramref name="path"/> holds: its members' ID numbers and the names no member
    /// elsewhere bears, the unit's name when unique, and its secretary's account.</summary>
    private Task<List<string>> MarkersAsync(string path, string? secretary) => this.WithDbAsync(async db =>
    {
        var inside = await db.Members.Where(m => m.Unit!.Path.StartsWith(path)).Select(m => new { m.Name, m.IdNumber }).ToListAsync();
        var outside = (await db.Members.Where(m => !m.Unit!.Path.StartsWith(path)).Select(m => m.Name).ToListAsync()).ToHashSet();
        var unit = await db.Units.Where(u => u.Path == path).Select(u => u.Name).SingleAsync();
        List<string> markers = [.. inside.Select(m => m.IdNumber).OfType<string>(), .. inside.Select(m => m.Name).Where(n => !outside.Contains(n)).Distinct()];
        if (await db.Units.CountAsync(u => u.Name == unit) == 1)
        {
            markers.Add(unit);
        }
        if (secretary is not null)
        {
            markers.Add(secretary);
        }
        return markers;
    });

    /// <summary>Another member's ID number and the demo's keys of their ledger entries.</summary>
    private Task<List<string>> MemberMarkersAsync(int memberId) => this.WithDbAsync(async db =>
    {
        List<string> markers = [await db.Members.Where(m => m.Id == memberId).Select(m => m.IdNumber!).SingleAsync()];
        markers.AddRange(await db.LedgerEntries.Where(e => e.MemberId == memberId && e.SourceKey != null && e.SourceKey.StartsWith("demo:"))
            .Select(e => e.SourceKey!).ToListAsync());
        return markers;
    });
}

/// <summary>Issue 6's authorization matrix: every API endpoint from the route table, for every role with its own and foreign
/// ids, answers as <see cref="AccessMatrix"/> says; refused requests change nothing and no read shows foreign data.</summary>
public sealed partial class AccessMatrixTests(MatrixFactory factory) : IClassFixture<MatrixFactory>
{
    [Fact]
    public void Table_EveryEndpoint_HasAnExpectationAndEveryRowAnEndpoint()
    {
        var endpoints = Endpoints();
        var failures = endpoints.Where(e => !e.IsPublic).Select(e => AccessMatrix.For(e).Missing).OfType<string>().ToList();
        failures.AddRange(endpoints.Where(e => e.IsPublic && !AccessMatrix.Public.ContainsKey(e.ToString()))
            .Select(e => $"{e} is public: list it in AccessMatrix.Public with what an anonymous caller gets"));
        var known = endpoints.Select(e => e.ToString()).ToHashSet();
        failures.AddRange(AccessMatrix.Rows.Keys.Concat(AccessMatrix.Public.Keys).Where(k => !known.Contains(k)).Select(k => $"{k}: no such endpoint"));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>All five roles in one test, the least powerful first: a role's own writes (a street admin deleting the street's
    /// key task, say) must not take away what the next role is checked against.</summary>
    [Fact]
    public async Task EveryEndpoint_EveryRole_AnswersAsTheTableSays()
    {
        var callers = await factory.CallersAsync();
        var failures = new List<string>();
        var cells = 0;
        foreach (var caller in new[] { Caller.SysAdmin, Caller.Member, Caller.BranchSecretary, Caller.CommunitySecretary, Caller.StreetAdmin })
        {
            cells += await CheckCallerAsync(caller, callers[caller], failures);
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {cells} cells differ:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    private async Task<int> CheckCallerAsync(Caller caller, MatrixCaller who, List<string> failures)
    {
        var calls = new List<(ApiEndpoint Endpoint, string Label, CommunityIds Ids, string Spec, IReadOnlyList<string> Markers)>();
        var foreignMarkers = who.Foreign.SelectMany(f => f.Markers).ToList();
        foreach (var endpoint in Endpoints().Where(e => !e.IsPublic))
        {
            if (AccessMatrix.For(endpoint).Expected is not { } expected)
            {
                continue; // Table_EveryEndpoint_HasAnExpectationAndEveryRowAnEndpoint names it
            }
            var cell = expected.Cells[caller];
            var resources = new HashSet<string>();
            endpoint.BuildRequest(who.Own, [], resources).Dispose();
            calls.Add((endpoint, "own ids", who.Own, AccessMatrix.OwnOf(caller, cell, resources), foreignMarkers));
            // A foreign call needs a foreign resource: a request naming only what both share (the street's campaign) is the own call.
            calls.AddRange(who.Foreign.Where(f => resources.Any(r => f.Ids.For(r) != who.Own.For(r)))
                .Select(f => (endpoint, f.Name + "'s ids", f.Ids, cell.Foreign, f.Markers)));
        }

        // Refusals first: none of them may change anything. The audit count (every change of domain data is audited) names the
        // write that did; the fingerprint at the end also covers the accounts, which Identity writes without the audit.
        var before = await factory.FingerprintAsync();
        var audited = await AuditCountAsync();
        foreach (var call in calls.Where(c => !Expectation.MayPass(c.Spec)))
        {
            await CheckAsync(who.Client, call.Endpoint, $"{caller} with {call.Label}", call.Ids, call.Spec, call.Markers, failures);
            if (call.Endpoint.Method != "GET" && await AuditCountAsync() is var count && count != audited)
            {
                failures.Add($"{call.Endpoint} with {caller}'s {call.Label} was refused but changed data");
                audited = count;
            }
        }
        if (await factory.FingerprintAsync() != before)
        {
            failures.Add($"{caller}'s refused requests changed data or accounts");
        }

        // Then the reads that pass (before any write of the caller's own data), then those writes, deletions last.
        foreach (var call in calls.Where(c => Expectation.MayPass(c.Spec)).OrderBy(c => c.Endpoint.Method switch { "GET" => 0, "DELETE" => 2, _ => 1 }))
        {
            await CheckAsync(who.Client, call.Endpoint, $"{caller} with {call.Label}", call.Ids, call.Spec, call.Markers, failures);
        }
        return calls.Count;
    }

    [Fact]
    public async Task EveryEndpoint_Anonymous_Answers401ExceptThePublicOnes()
    {
        var callers = await factory.CallersAsync();
        var ids = callers[Caller.CommunitySecretary].Own;
        using var client = factory.CreateClient();
        var failures = new List<string>();
        var before = await factory.FingerprintAsync();
        foreach (var endpoint in Endpoints())
        {
            var spec = endpoint.IsPublic ? AccessMatrix.Public.GetValueOrDefault(endpoint.ToString(), "listed") : "401";
            await CheckAsync(client, endpoint, "as anonymous", ids, spec, [], failures);
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(before, await factory.FingerprintAsync());
    }

    /// <summary>The screens: each role opens every screen its policy lets it (those without route values must render) and is
    /// refused every other one with 403, whatever the route values; an anonymous visitor is sent to the login page.</summary>
    [Fact]
    public async Task EveryScreen_EveryRole_OpensOrIsRefusedAsItsPolicySays()
    {
        var callers = await factory.CallersAsync();
        _ = factory.Server;
        var screens = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } p && !p.StartsWith("/api", StringComparison.Ordinal)
                && e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0
                && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") != false)
            .Select(e => (Path: ScreenParameter().Replace(e.RoutePattern.RawText!, "1"), HasValues: e.RoutePattern.Parameters.Count > 0,
                Policies: e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? a.Roles).OfType<string>().ToList()))
            .DistinctBy(s => s.Path).ToList();
        Assert.True(screens.Count > 40 && screens.Any(s => s.Path == "/members"), $"only {screens.Count} screens found");
        using var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var failures = new List<string>();
        foreach (var screen in screens)
        {
            using (var response = await anonymous.GetAsync(screen.Path))
            {
                if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("/login", StringComparison.Ordinal) != true)
                {
                    failures.Add($"{screen.Path} anonymous: {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
            foreach (var (caller, who) in callers)
            {
                var expected = AccessMatrix.ScreenOf(screen.Policies, caller);
                if (expected is null)
                {
                    failures.Add($"{screen.Path}: policy {string.Join(",", screen.Policies)} has no default row in AccessMatrix");
                    continue;
                }
                if (expected != "403" && screen.HasValues)
                {
                    continue; // made-up route values name nothing; the API rows above check the scope behind them
                }
                using var response = await who.Client.GetAsync(screen.Path);
                var status = (int)response.StatusCode;
                if (expected == "403" ? status != 403 : status >= 300)
                {
                    failures.Add($"{screen.Path} {caller}: expected {expected}, answered {status}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private Task<int> AuditCountAsync() => factory.WithDbAsync(db => db.AuditEntries.CountAsync());

    private static async Task CheckAsync(HttpClient client, ApiEndpoint endpoint, string label, CommunityIds ids, string spec,
        IReadOnlyList<string> markers, List<string> failures)
    {
        var unknown = new List<string>();
        using var request = endpoint.BuildRequest(ids, unknown);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        // Headers first: the turnout stream never ends by itself.
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var status = (int)response.StatusCode;
        var body = response.Content.Headers.ContentType?.MediaType == "text/event-stream" ? "" : await response.Content.ReadAsStringAsync(timeout.Token);
        if (status is not (401 or 403))
        {
            failures.AddRange(unknown); // a refusal by policy looks at no id
        }
        if (!spec.Split('|').All(s => s == "ok" || int.TryParse(s, out _)) || !Expectation.Allows(spec, status))
        {
            failures.Add($"{endpoint} {label}: expected {spec}, answered {status} {Truncate(body)}");
        }
        else if (status >= 400 && body.Contains("服务器出错了", StringComparison.Ordinal))
        {
            failures.Add($"{endpoint} {label}: a {status} titled as a server error {Truncate(body)}");
        }
        else if (endpoint.Method == "GET" && !AccessMatrix.NamesOtherUnits.Contains(endpoint.ToString()) && markers.FirstOrDefault(body.Contains) is { } marker)
        {
            failures.Add($"{endpoint} {label} answered {status} showing '{marker}' of the foreign unit");
        }
    }

    private List<ApiEndpoint> Endpoints()
    {
        _ = factory.Server;
        var endpoints = ApiEndpoint.All(factory.Services).ToList();
        Assert.True(endpoints.Count > 200 && endpoints.Any(e => e.ToString() == "POST /api/members") && endpoints.Any(e => e.IsPublic),
            $"the route table lists only {endpoints.Count} endpoints");
        return endpoints;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{[^}]+\}")]
    private static partial System.Text.RegularExpressions.Regex ScreenParameter();

    private static string Truncate(string s) => s.Length <= 200 ? s : s[..200] + "…";
}
