using Jishi.Web.Features.Organizations;

namespace Jishi.Web.Features.Members;

public enum MemberCategory
{
    Full = 0,
    Probationary = 1,
}

public enum MemberStatus
{
    Active = 0,
    TransferredOut = 1,
    Deceased = 2,
}

/// <summary>A party member. Holds the 16 items of the national collection form plus Jishi's own
/// (tier, position, status).</summary>
public sealed class Member
{
    public int Id { get; private set; }
    public required string Name { get; set; }
    public required string Gender { get; set; }
    public string? Ethnicity { get; set; }
    public string? IdNumber { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Education { get; set; }
    public MemberCategory Category { get; set; }
    public int UnitId { get; private set; }
    public Unit? Unit { get; private set; }
    public DateOnly? JoinedOn { get; set; }
    public DateOnly? FullMemberOn { get; set; }
    public string? Post { get; set; }
    /// <summary>The mobile number (手机号).</summary>
    public string? Phone { get; set; }

    /// <summary>The landline with its area code (固定电话).</summary>
    public string? Landline { get; set; }
    public string? Address { get; set; }
    public bool MembershipSuspended { get; set; }
    public bool IsLost { get; set; }
    public string? LostSince { get; set; }
    public bool IsFloating { get; set; }
    public string? FloatingTo { get; set; }
    public required string Tier { get; set; }
    public string? Position { get; set; }
    public MemberStatus Status { get; set; }

    /// <summary>Columns of an imported roster that Jishi has no field for, by header: kept with the member, shown on
    /// the member's form and exported again as columns of their own.</summary>
    public Dictionary<string, string> ExtraFields { get; set; } = [];

    public List<MemberTransfer> Transfers { get; private set; } = [];

    public void PlaceIn(Unit unit)
    {
        Unit = unit;
        UnitId = unit.Id;
    }

    /// <summary>Moves the member to another unit and records the move; history is never rewritten.</summary>
    public MemberTransfer TransferTo(Unit target, DateOnly on, string? note)
    {
        if (target.Id == UnitId)
        {
            throw new InvalidOperationException("Transfer to the same unit.");
        }
        var transfer = new MemberTransfer(this, UnitId, target.Id, on, note);
        Transfers.Add(transfer);
        PlaceIn(target);
        return transfer;
    }
}
