namespace Jishi.Web.Features.Committees;

/// <summary>One seat of a committee: its post and the member holding it, none while it is vacant (空缺).</summary>
public sealed record SeatInput(int? MemberId, CommitteePost Post);

/// <summary>A post of a committee and who holds it.</summary>
public sealed class CommitteeSeat
{
    private CommitteeSeat() { }

    public CommitteeSeat(CommitteePost post, int? memberId, int order)
    {
        Post = post;
        MemberId = memberId;
        Order = order;
    }

    public int Id { get; private set; }
    public int CommitteeId { get; private set; }
    public CommitteePost Post { get; private set; }
    public int? MemberId { get; private set; }
    public int Order { get; private set; }
    public bool IsVacant => MemberId is null;
}
