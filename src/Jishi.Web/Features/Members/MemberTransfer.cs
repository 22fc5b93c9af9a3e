namespace Jishi.Web.Features.Members;

/// <summary>One move of a member between units; append-only history.</summary>
public sealed class MemberTransfer
{
    private MemberTransfer() { }

    internal MemberTransfer(Member member, int fromUnitId, int toUnitId, DateOnly on, string? note)
    {
        Member = member;
        FromUnitId = fromUnitId;
        ToUnitId = toUnitId;
        On = on;
        Note = note;
    }

    public int Id { get; private set; }
    public int MemberId { get; private set; }
    public Member? Member { get; private set; }
    public int FromUnitId { get; private set; }
    public int ToUnitId { get; private set; }
    public DateOnly On { get; private set; }
    public string? Note { get; private set; }
}
