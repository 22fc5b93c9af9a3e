using Jishi.Web.Features.Committees;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;

namespace Jishi.UnitTests.Features.Committees;

public sealed class CommitteeTests
{
    private static readonly DateOnly Today = new(2030, 6, 14);
    private static readonly HashSet<int> Eligible = [1, 2, 3, 4];

    private static Result<Committee> Elect(DateOnly on, int years = 3, Committee? current = null, params SeatInput[] seats) =>
        Committee.Elect(6, on, years, seats, Eligible, current, Today, "sq01", new DateTime(2030, 6, 14, 2, 0, 0, DateTimeKind.Utc));

    private static Committee Elected(DateOnly on, int years = 3, Committee? current = null, params SeatInput[] seats) =>
        Elect(on, years, current, seats).Value!;

    private static IEnumerable<string> Codes(Result<Committee> result) =>
        Assert.IsType<ValidationError>(result.Error).Problems.Select(p => p.Code);

    [Theory]
    [InlineData(UnitKind.Street, 5)]
    [InlineData(UnitKind.Community, 5)]
    [InlineData(UnitKind.Branch, 3)]
    public void DefaultTermYears_ByKind_PartyCommitteesFiveBranchesThree(UnitKind kind, int years) =>
        Assert.Equal(years, Committee.DefaultTermYears(kind));

    [Fact]
    public void HasCommittee_PartyGroup_False()
    {
        Assert.False(Committee.HasCommittee(UnitKind.PartyGroup));
        Assert.True(Committee.HasCommittee(UnitKind.Branch));
    }

    [Fact]
    public void TermEnds_ThreeYearsFromElection_SameDay()
    {
        var committee = Elected(new DateOnly(2028, 2, 29));
        Assert.Equal(new DateOnly(2031, 2, 28), committee.TermEnds);
    }

    [Theory]
    [InlineData("2027-09-12", 90)]
    [InlineData("2027-06-14", 0)]
    [InlineData("2027-06-01", -13)]
    public void DaysLeft_FromToday_NegativeWhenPast(string electedOn, int days) =>
        Assert.Equal(days, Elected(DateOnly.Parse(electedOn, System.Globalization.CultureInfo.InvariantCulture)).DaysLeft(Today));

    [Fact]
    public void Elect_NoSecretaryNamed_VacantSecretarySeatFirst()
    {
        var committee = Elected(new DateOnly(2030, 1, 1), seats: new SeatInput(2, CommitteePost.Member));
        Assert.Equal(CommitteePost.Secretary, committee.Seats[0].Post);
        Assert.True(committee.Seats[0].IsVacant);
        Assert.Null(committee.SecretaryId);
        Assert.Equal(2, committee.Seats.Count);
    }

    [Fact]
    public void Elect_SeatsOrderedByPost_SecretaryKnown()
    {
        var committee = Elected(new DateOnly(2030, 1, 1), 3, null, new SeatInput(3, CommitteePost.Member),
            new SeatInput(2, CommitteePost.DeputySecretary), new SeatInput(1, CommitteePost.Secretary),
            new SeatInput(null, CommitteePost.Member));
        Assert.Equal([CommitteePost.Secretary, CommitteePost.DeputySecretary, CommitteePost.Member, CommitteePost.Member],
            committee.Seats.Select(s => s.Post));
        Assert.Equal(1, committee.SecretaryId);
        Assert.True(committee.Seats[3].IsVacant);
    }

    [Fact]
    public void Elect_AfterCurrent_ClosesCurrentOnNewDate()
    {
        var first = Elected(new DateOnly(2027, 5, 1));
        var second = Elected(new DateOnly(2030, 5, 1), 3, first);
        Assert.Equal(new DateOnly(2030, 5, 1), first.ClosedOn);
        Assert.Null(second.ClosedOn);
    }

    [Fact]
    public void Elect_NotAfterCurrent_RefusedAndCurrentStaysOpen()
    {
        var first = Elected(new DateOnly(2029, 5, 1));
        Assert.Contains("Committee.ElectedBeforeCurrent", Codes(Elect(new DateOnly(2029, 5, 1), 3, first)));
        Assert.Null(first.ClosedOn);
    }

    [Fact]
    public void Elect_InFuture_Refused() =>
        Assert.Contains("Committee.ElectedInFuture", Codes(Elect(Today.AddDays(1))));

    [Fact]
    public void Elect_Today_Allowed() => Assert.True(Elect(Today).IsSuccess);

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void Elect_TermYears_OneToFive(int years, bool allowed) =>
        Assert.Equal(allowed, Elect(new DateOnly(2030, 1, 1), years).IsSuccess);

    [Fact]
    public void Elect_TwoSecretaries_Refused() =>
        Assert.Contains("Committee.OneSecretary", Codes(Elect(new DateOnly(2030, 1, 1), 3, null,
            new SeatInput(1, CommitteePost.Secretary), new SeatInput(2, CommitteePost.Secretary))));

    [Fact]
    public void Elect_SameMemberTwoPosts_Refused() =>
        Assert.Contains("Committee.OnePostEach", Codes(Elect(new DateOnly(2030, 1, 1), 3, null,
            new SeatInput(1, CommitteePost.Secretary), new SeatInput(1, CommitteePost.Member))));

    [Fact]
    public void Elect_SeveralVacancies_Allowed() =>
        Assert.True(Elect(new DateOnly(2030, 1, 1), 3, null, new SeatInput(null, CommitteePost.Secretary),
            new SeatInput(null, CommitteePost.Member), new SeatInput(null, CommitteePost.Member)).IsSuccess);

    [Fact]
    public void Elect_MemberNotOfUnit_Refused() =>
        Assert.Contains("Committee.NotOfUnit", Codes(Elect(new DateOnly(2030, 1, 1), 3, null, new SeatInput(99, CommitteePost.Member))));

    [Fact]
    public void Elect_UnknownPost_Refused() =>
        Assert.Contains("Committee.UnknownPost", Codes(Elect(new DateOnly(2030, 1, 1), 3, null, new SeatInput(1, (CommitteePost)7))));

    [Fact]
    public void Elect_TooManySeats_Refused() =>
        Assert.Contains("Committee.TooManySeats", Codes(Elect(new DateOnly(2030, 1, 1), 3, null,
            Enumerable.Range(0, Committee.MaxSeats + 1).Select(_ => new SeatInput(null, CommitteePost.Member)).ToArray())));
}
