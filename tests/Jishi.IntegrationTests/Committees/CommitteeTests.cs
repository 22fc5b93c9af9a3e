using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;

namespace Jishi.IntegrationTests.Committees;

public sealed record SeatRow(string Post, int? MemberId, string? Name, bool Vacant);

public sealed record CommitteeRow(int Id, int UnitId, DateOnly ElectedOn, int TermYears, DateOnly TermEnds, int DaysLeft,
    DateOnly? ClosedOn, List<SeatRow> Members);

public sealed record UnitCommitteeRow(int UnitId, string UnitName, int DefaultTermYears, CommitteeRow? Current, List<CommitteeRow> History);

public sealed record DutySecretaryRow(int Id, int UnitId, string? SecretaryName, bool SecretaryVacant);

public sealed record TermRow(int UnitId, string UnitName, DateOnly ElectedOn, DateOnly TermEnds, int DaysLeft);

/// <summary>换届: a unit's committee recorded over the API, its history, the terms due in the caller's subtree, and the refusals
/// (in Chinese) of members from elsewhere, two secretaries, a party group and a foreign unit. The clock reads 2030-06-14.</summary>
public sealed class CommitteeTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    private Task<OwnCommunity> OursAsync() =>
        OwnCommunity.OfClassAsync<CommitteeTests>(factory, "ours", ("在职", 3), ("在职", 2), ("在职", 1), ("在职", 1), ("在职", 2),
            ("在职", 2));

    private Task<OwnCommunity> NeighbourAsync() => OwnCommunity.OfClassAsync<CommitteeTests>(factory, "neighbour", ("在职", 1));

    private static object Seat(int? memberId, string post) => new { memberId, post };

    [Fact]
    public async Task Put_NewCommittee_200WithSeatsAndDefaultTerm()
    {
        var ours = await OursAsync();
        var branch = ours.Branches[0];

        var response = await ours.Secretary.PutAsJsonAsync($"/api/units/{branch.Id}/committee", new
        {
            electedOn = "2029-03-01",
            members = new[] { Seat(branch.Members[0], "Secretary"), Seat(branch.Members[1], "DeputySecretary"), Seat(null, "Member") },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var committee = (await response.Content.ReadFromJsonAsync<CommitteeRow>())!;
        Assert.Equal(3, committee.TermYears);
        Assert.Equal(new DateOnly(2032, 3, 1), committee.TermEnds);
        Assert.Equal(["Secretary", "DeputySecretary", "Member"], committee.Members.Select(m => m.Post));
        Assert.Equal(branch.Members[0], committee.Members[0].MemberId);
        Assert.NotNull(committee.Members[0].Name);
        Assert.True(committee.Members[2].Vacant);
        Assert.Null(committee.Members[2].Name);
    }

    [Fact]
    public async Task Put_Again_ClosesCurrentAndGetShowsHistory()
    {
        var ours = await OursAsync();
        var branch = ours.Branches[1];
        var url = $"/api/units/{branch.Id}/committee";
        var first = new { electedOn = "2024-05-10", members = new[] { Seat(branch.Members[0], "Secretary") } };
        (await ours.Secretary.PutAsJsonAsync(url, first))
            .EnsureSuccessStatusCode();

        var second = await ours.Secretary.PutAsJsonAsync(url, new
        {
            electedOn = "2027-05-10", termYears = 3, members = new[] { Seat(branch.Members[1], "Member") },
        });

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var read = (await ours.Secretary.GetFromJsonAsync<UnitCommitteeRow>(url))!;
        Assert.Equal(3, read.DefaultTermYears);
        Assert.Equal(new DateOnly(2027, 5, 10), read.Current!.ElectedOn);
        Assert.True(read.Current.Members.Single(m => m.Post == "Secretary").Vacant);
        var earlier = Assert.Single(read.History);
        Assert.Equal(new DateOnly(2027, 5, 10), earlier.ClosedOn);
        Assert.Equal(branch.Members[0], earlier.Members.Single().MemberId);
    }

    [Fact]
    public async Task Put_Refusals_400InChineseAndNothingStored()
    {
        var ours = await OursAsync();
        var neighbour = await NeighbourAsync();
        var branch = ours.Branches[2];
        var url = $"/api/units/{branch.Id}/committee";

        var foreignMember = await ours.Secretary.PutAsJsonAsync(url, new
        {
            electedOn = "2029-01-01", members = new[] { Seat(neighbour.Branches[0].Members[0], "Secretary") },
        });
        var future = await ours.Secretary.PutAsJsonAsync(url, new { electedOn = "2030-06-15", members = Array.Empty<object>() });
        var longTerm = await ours.Secretary.PutAsJsonAsync(url, new { electedOn = "2029-01-01", termYears = 6 });

        Assert.Equal(HttpStatusCode.BadRequest, foreignMember.StatusCode);
        Assert.Equal(["委员须是本组织的正式在册党员"], (await foreignMember.Content.ReadFromJsonAsync<ProblemRow>())!.Errors!["members"]);
        Assert.Equal(["选举日期不能晚于今天"], (await future.Content.ReadFromJsonAsync<ProblemRow>())!.Errors!["electedOn"]);
        Assert.Equal(["任期须为 1 至 5 年"], (await longTerm.Content.ReadFromJsonAsync<ProblemRow>())!.Errors!["termYears"]);
        Assert.Null((await ours.Secretary.GetFromJsonAsync<UnitCommitteeRow>(url))!.Current);
    }

    [Fact]
    public async Task Put_PartyGroup_400AndForeignUnit_404()
    {
        var ours = await OursAsync();
        var neighbour = await NeighbourAsync();
        var admin = await factory.ClientForAsync("admin");
        var group = await admin.PostAsJsonAsync("/api/units", new { parentId = ours.Branches[3].Id, kind = "PartyGroup", name = "第一党小组" });
        var groupId = (await group.Content.ReadFromJsonAsync<UnitRow>())!.Id;

        var onGroup = await ours.Secretary.PutAsJsonAsync($"/api/units/{groupId}/committee", new { electedOn = "2029-01-01" });
        var onForeign = await ours.Secretary.PutAsJsonAsync($"/api/units/{neighbour.Branches[0].Id}/committee",
            new { electedOn = "2029-01-01" });
        var readForeign = await ours.Secretary.GetAsync($"/api/units/{neighbour.Branches[0].Id}/committee");

        Assert.Equal(HttpStatusCode.BadRequest, onGroup.StatusCode);
        Assert.Equal("党小组不设委员会，只有党组织才能换届", (await onGroup.Content.ReadFromJsonAsync<ProblemRow>())!.Detail);
        Assert.Equal(HttpStatusCode.NotFound, onForeign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, readForeign.StatusCode);
    }

    [Fact]
    public async Task Terms_WithinDays_DueAndOverdueOfOwnSubtreeOnly()
    {
        var ours = await OursAsync();
        var neighbour = await NeighbourAsync();
        var soon = ours.Branches[4].Id;
        (await ours.Secretary.PutAsJsonAsync($"/api/units/{soon}/committee", new { electedOn = "2027-07-01" })).EnsureSuccessStatusCode();
        (await ours.Secretary.PutAsJsonAsync($"/api/units/{ours.Id}/committee", new { electedOn = "2025-06-01" }))
            .EnsureSuccessStatusCode();
        (await neighbour.Secretary.PutAsJsonAsync($"/api/units/{neighbour.Id}/committee", new { electedOn = "2025-06-01" }))
            .EnsureSuccessStatusCode();

        var due = (await ours.Secretary.GetFromJsonAsync<List<TermRow>>("/api/units/terms?withinDays=90"))!;
        var near = (await ours.Secretary.GetFromJsonAsync<List<TermRow>>("/api/units/terms?withinDays=10"))!;
        var wrong = await ours.Secretary.GetAsync("/api/units/terms?withinDays=-1");

        var community = due.Single(t => t.UnitId == ours.Id);
        Assert.Equal((new DateOnly(2030, 6, 1), -13), (community.TermEnds, community.DaysLeft));
        Assert.Equal(17, due.Single(t => t.UnitId == soon).DaysLeft);
        Assert.DoesNotContain(due, t => t.UnitId == neighbour.Id || t.UnitId == ours.Branches[0].Id);
        Assert.Equal(due.OrderBy(t => t.DaysLeft).Select(t => t.UnitId), due.Select(t => t.UnitId));
        Assert.DoesNotContain(near, t => t.UnitId == soon);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(["天数须在 0 至 3650 之间"], (await wrong.Content.ReadFromJsonAsync<ProblemRow>())!.Errors!["withinDays"]);
    }

    [Fact]
    public async Task DutyList_FirstResponsible_IsCommitteeSecretaryOrVacant()
    {
        var ours = await OursAsync();
        var branch = ours.Branches[5];
        var created = await ours.Secretary.PostAsJsonAsync("/api/duties", new { unitId = branch.Id, year = 2030 });
        var list = (await created.Content.ReadFromJsonAsync<DutySecretaryRow>())!;
        var url = $"/api/units/{branch.Id}/committee";

        (await ours.Secretary.PutAsJsonAsync(url, new { electedOn = "2028-01-05", members = new[] { Seat(branch.Members[0], "Member") } }))
            .EnsureSuccessStatusCode();
        var vacant = (await ours.Secretary.GetFromJsonAsync<DutySecretaryRow>($"/api/duties/{list.Id}"))!;
        var second = new { electedOn = "2029-01-05", members = new[] { Seat(branch.Members[1], "Secretary") } };
        (await ours.Secretary.PutAsJsonAsync(url, second))
            .EnsureSuccessStatusCode();
        var held = (await ours.Secretary.GetFromJsonAsync<DutySecretaryRow>($"/api/duties/{list.Id}"))!;
        var listed = (await ours.Secretary.GetFromJsonAsync<List<DutySecretaryRow>>($"/api/duties?unitId={branch.Id}&year=2030"))!.Single();
        var committee = (await ours.Secretary.GetFromJsonAsync<UnitCommitteeRow>(url))!;

        Assert.Equal((null, true), (vacant.SecretaryName, vacant.SecretaryVacant));
        var name = committee.Current!.Members.Single().Name;
        Assert.Equal((name, false), (held.SecretaryName, held.SecretaryVacant));
        Assert.Equal((name, false), (listed.SecretaryName, listed.SecretaryVacant));
    }
}
