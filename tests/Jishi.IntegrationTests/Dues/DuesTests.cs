using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jishi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jishi.IntegrationTests.Dues;

public sealed record DuesPaymentRow(long Id, int MemberId, int? PayerMemberId, List<string> Months, decimal Amount, string Method,
    string? RequestId, long? ReversalOf, string? Reason);

public sealed record MonthDuesRow(string Month, decimal Due, decimal Paid);

public sealed record MemberDuesRow(int MemberId, int Year, string? Category, decimal? MonthlyDue, List<MonthDuesRow> Months,
    decimal Arrears,
    List<DuesPaymentRow> Payments);

/// <summary>党费 on the demo street (the clock stands at 2030-06-14): bases by the brackets, payments idempotent by request id
/// and exactly the months' dues, 补缴 and 代缴, reversal, the member's year, and scope. Each test keeps to a member of its own in
/// this class's community.</summary>
public sealed record CollectionRowDto(int MemberId, string Name, decimal Due, decimal Paid);

public sealed record CollectionSheetRow(int UnitId, string Month, decimal Due, decimal Paid, List<CollectionRowDto> Members,
    List<string> Unpaid);

public sealed class DuesTests(JishiFactory factory) : IClassFixture<JishiFactory>
{
    private Task<OwnCommunity> OursAsync() => OwnCommunity.OfClassAsync<DuesTests>(factory, "ours", ("在职", 8));

    private Task<OwnCommunity> NeighbourAsync() => OwnCommunity.OfClassAsync<DuesTests>(factory, "neighbour", ("在职", 1));

    private async Task<(HttpClient Client, int Member, List<int> Others)> MemberAsync(int index)
    {
        var own = await OursAsync();
        var members = own.Branches[0].Members;
        return (own.Secretary, members[index], members);
    }

    private static Task<HttpResponseMessage> BaseAsync(HttpClient client, int memberId, int year, string category,
        decimal? monthlyIncome) =>
        client.PutAsJsonAsync("/api/dues/bases", new { memberId, year, category, monthlyIncome });

    private static Task<HttpResponseMessage> PayAsync(HttpClient client, int memberId, decimal amount, string requestId,
        params string[] months) =>
        client.PostAsJsonAsync("/api/dues/payments", new { memberId, months, amount, method = "WeChat", requestId });

    private static async Task<string> MonthlyDueTextAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("monthlyDue").GetRawText();
    }

    [Fact]
    public async Task PutBase_EmployedAtEachBoundary_MonthlyDueInYuanWithTwoDecimals()
    {
        var (client, member, _) = await MemberAsync(0);

        Assert.Equal("15.00", await MonthlyDueTextAsync(await BaseAsync(client, member, 2030, "Employed", 3000m)));
        Assert.Equal("30.00", await MonthlyDueTextAsync(await BaseAsync(client, member, 2030, "Employed", 3000.01m)));
        Assert.Equal("75.00", await MonthlyDueTextAsync(await BaseAsync(client, member, 2030, "Employed", 5000.01m)));
        Assert.Equal("200.00", await MonthlyDueTextAsync(await BaseAsync(client, member, 2030, "Employed", 10000.01m)));
        Assert.Equal("25.00", await MonthlyDueTextAsync(await BaseAsync(client, member, 2030, "Retired", 5000m)));
        Assert.Equal("0.20", await MonthlyDueTextAsync(await BaseAsync(client, member, 2030, "Student", null)));
        Assert.Equal("0.20", await MonthlyDueTextAsync(await BaseAsync(client, member, 2030, "Farmer", 8000m)));

        // PUT replaces: one base per member and year, the last one set.
        Assert.Equal(1, await factory.WithDbAsync(db => db.DuesBases.CountAsync(b => b.MemberId == member && b.Year == 2030)));
    }

    [Fact]
    public async Task PutBase_BadValues_400InChinese()
    {
        var (client, member, _) = await MemberAsync(1);

        var noIncome = await BaseAsync(client, member, 2030, "Employed", null);
        var fraction = await BaseAsync(client, member, 2030, "Retired", 3000.001m);
        var year = await BaseAsync(client, member, 1990, "Student", null);
        var category = await client.PutAsJsonAsync("/api/dues/bases", new { memberId = member, year = 2030, category = "Soldier" });

        foreach (var response in new[] { noIncome, fraction, year, category })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        Assert.Contains("月收入", await noIncome.Content.ReadAsStringAsync());
        Assert.Contains("年度", await year.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pay_SameRequestIdTwiceAndFiveAtOnce_OnePayment()
    {
        var (client, member, _) = await MemberAsync(2);
        await BaseAsync(client, member, 2030, "Employed", 3000m);

        var first = await PayAsync(client, member, 30m, "pay-2-a", "2030-03", "2030-04");
        var again = await PayAsync(client, member, 30m, "pay-2-a", "2030-03", "2030-04");
        var burst = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PayAsync(client, member, 15m, "pay-2-b", "2030-05")));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var paid = (await first.Content.ReadFromJsonAsync<DuesPaymentRow>())!;
        Assert.Equal($"/api/dues/payments/{paid.Id}", first.Headers.Location!.OriginalString);
        Assert.Equal(30m, paid.Amount);
        Assert.Equal(["2030-03", "2030-04"], paid.Months);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(paid.Id, (await again.Content.ReadFromJsonAsync<DuesPaymentRow>())!.Id);
        Assert.Equal(1, burst.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(4, burst.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Single((await Task.WhenAll(burst.Select(r => r.Content.ReadFromJsonAsync<DuesPaymentRow>()))).Select(p => p!.Id).Distinct());
        Assert.Equal(2, await factory.WithDbAsync(db => db.DuesPayments.CountAsync(p => p.MemberId == member)));
        Assert.Equal(3, await factory.WithDbAsync(db => db.DuesPaidMonths.CountAsync(p => p.MemberId == member)));
    }

    [Fact]
    public async Task Pay_AmountNotTheMonthsDues_400InChineseNothingRecorded()
    {
        var (client, member, _) = await MemberAsync(3);
        await BaseAsync(client, member, 2030, "Employed", 5000.01m);

        var low = await PayAsync(client, member, 75m, "pay-3-a", "2030-01", "2030-02");
        var noBase = await PayAsync(client, member, 75m, "pay-3-b", "2029-12");
        var future = await PayAsync(client, member, 75m, "pay-3-c", "2031-01");
        var badMonth = await PayAsync(client, member, 75m, "pay-3-d", "2030-13");

        Assert.Equal(HttpStatusCode.BadRequest, low.StatusCode);
        Assert.Contains("应缴 150.00 元", await low.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, noBase.StatusCode);
        Assert.Contains("2029 年度", await noBase.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badMonth.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.DuesPayments.CountAsync(p => p.MemberId == member)));
    }

    [Fact]
    public async Task Pay_PastMonthsOfAnotherYearByAnotherMember_RecordsThePayerAndRefusesTheMonthTwice()
    {
        var (client, member, others) = await MemberAsync(4);
        await BaseAsync(client, member, 2029, "Retired", 6000m);
        await BaseAsync(client, member, 2030, "Retired", 4000m);

        var response = await client.PostAsJsonAsync("/api/dues/payments", new
        {
            memberId = member, months = new[] { "2029-11", "2029-12", "2030-01" }, amount = 140m, method = "Cash", requestId = "pay-4-a",
            payerMemberId = others[5],
        });
        var twice = await PayAsync(client, member, 20m, "pay-4-b", "2030-01");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var paid = (await response.Content.ReadFromJsonAsync<DuesPaymentRow>())!;
        Assert.Equal((others[5], 140m, "Cash"), (paid.PayerMemberId, paid.Amount, paid.Method));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("2030-01", await twice.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MemberDues_PaidAndUnpaidMonths_ArrearsToTheCurrentMonth()
    {
        var (client, member, _) = await MemberAsync(5);
        await BaseAsync(client, member, 2030, "Employed", 3000m);
        await PayAsync(client, member, 30m, "pay-5-a", "2030-03", "2030-04");
        await PayAsync(client, member, 15m, "pay-5-b", "2030-09");

        var dues = (await client.GetFromJsonAsync<MemberDuesRow>($"/api/members/{member}/dues?year=2030"))!;

        Assert.Equal((15m, "Employed"), (dues.MonthlyDue, dues.Category));
        Assert.Equal(12, dues.Months.Count);
        Assert.Equal(new MonthDuesRow("2030-03", 15m, 15m), dues.Months[2]);
        Assert.Equal(new MonthDuesRow("2030-05", 15m, 0m), dues.Months[4]);
        // January to June, March and April paid: four months of 15.00.
        Assert.Equal(60m, dues.Arrears);
        Assert.Equal(2, dues.Payments.Count);
        var none = (await client.GetFromJsonAsync<MemberDuesRow>($"/api/members/{member}/dues?year=2028"))!;
        Assert.Equal((null, 0m), (none.MonthlyDue, none.Arrears));
    }

    [Fact]
    public async Task Reverse_WrongPayment_AppendsTheOppositeAndFreesTheMonthsOnce()
    {
        var (client, member, _) = await MemberAsync(6);
        await BaseAsync(client, member, 2030, "Employed", 3000m);
        var paid = (await (await PayAsync(client, member, 15m, "pay-6-a", "2030-02")).Content.ReadFromJsonAsync<DuesPaymentRow>())!;

        var noReason = await client.PostAsJsonAsync($"/api/dues/payments/{paid.Id}/reverse", new { reason = "" });
        var reversed = await client.PostAsJsonAsync($"/api/dues/payments/{paid.Id}/reverse", new { reason = "录错党员" });
        var twice = await client.PostAsJsonAsync($"/api/dues/payments/{paid.Id}/reverse", new { reason = "录错党员" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Created, reversed.StatusCode);
        var reversal = (await reversed.Content.ReadFromJsonAsync<DuesPaymentRow>())!;
        Assert.Equal((paid.Id, -15m, "录错党员"), (reversal.ReversalOf, reversal.Amount, reversal.Reason));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var again = await client.PostAsJsonAsync($"/api/dues/payments/{reversal.Id}/reverse", new { reason = "再冲" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var dues = (await client.GetFromJsonAsync<MemberDuesRow>($"/api/members/{member}/dues?year=2030"))!;
        Assert.Equal(0m, dues.Months[1].Paid);
        Assert.Equal(90m, dues.Arrears);
        // The month can be paid again, and the ledger keeps all three.
        Assert.Equal(HttpStatusCode.Created, (await PayAsync(client, member, 15m, "pay-6-b", "2030-02")).StatusCode);
        Assert.Equal(3, await factory.WithDbAsync(db => db.DuesPayments.CountAsync(p => p.MemberId == member)));
    }

    [Fact]
    public async Task Collection_BranchMonth_DueAndPaidTotalsAndWhoHasNotPaid()
    {
        var own = await OursAsync();
        var client = own.Secretary;
        var branch = (await client.PostAsJsonAsync("/api/units", new { parentId = own.Id, kind = "Branch", name = "党费测试支部" }));
        var branchId = (await branch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var neighbour = await NeighbourAsync();

        var empty = (await client.GetFromJsonAsync<CollectionSheetRow>($"/api/dues/collection?unitId={branchId}&year=2030&month=3"))!;
        var bad = await client.GetAsync($"/api/dues/collection?unitId={branchId}&year=2030&month=13");
        var foreign = await client.GetAsync($"/api/dues/collection?unitId={neighbour.Branches[0].Id}&year=2030&month=3");

        Assert.Equal((0m, 0m, 0), (empty.Due, empty.Paid, empty.Members.Count));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task Dues_MemberOfAnotherCommunity_404()
    {
        var (client, member, _) = await MemberAsync(7);
        var neighbour = await NeighbourAsync();
        var foreign = neighbour.Branches[0].Members[0];
        await BaseAsync(neighbour.Secretary, foreign, 2030, "Employed", 3000m);
        var theirs = (await (await PayAsync(neighbour.Secretary, foreign, 15m, "pay-7-n",
            "2030-01")).Content.ReadFromJsonAsync<DuesPaymentRow>())!;
        await BaseAsync(client, member, 2030, "Employed", 3000m);

        Assert.Equal(HttpStatusCode.NotFound, (await BaseAsync(client, foreign, 2030, "Student", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PayAsync(client, foreign, 15m, "pay-7-a", "2030-02")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/members/{foreign}/dues?year=2030")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await client.PostAsJsonAsync($"/api/dues/payments/{theirs.Id}/reverse", new { reason = "越权" })).StatusCode);
        // Paid for by someone outside the subtree: 404 too.
        var byForeign = await client.PostAsJsonAsync("/api/dues/payments", new
        {
            memberId = member, months = new[] { "2030-01" }, amount = 15m, method = "Cash", requestId = "pay-7-b", payerMemberId = foreign,
        });
        Assert.Equal(HttpStatusCode.NotFound, byForeign.StatusCode);
        // Another's request id is not a way to read their payment.
        Assert.Equal(HttpStatusCode.Conflict, (await PayAsync(client, member, 15m, "pay-7-n", "2030-01")).StatusCode);
    }
}
