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
/// (tier, position, status). Its data changes through <see cref="Update"/> (the form, the API and the import alike),
/// its unit through <see cref="TransferTo"/>.</summary>
public sealed class Member
{
    private readonly List<MemberTransfer> _transfers = [];

    private Member() { }

    /// <summary>A new member of <paramref name="unit"/> with the data of <paramref name="input"/> (its unit id is not read).</summary>
    public Member(MemberInput input, Unit unit)
    {
        Update(input);
        PlaceIn(unit);
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Gender { get; private set; } = "";
    public string? Ethnicity { get; private set; }
    public string? IdNumber { get; private set; }
    public DateOnly? BirthDate { get; private set; }
    public string? Education { get; private set; }
    public MemberCategory Category { get; private set; }
    public int UnitId { get; private set; }
    public Unit? Unit { get; private set; }
    public DateOnly? JoinedOn { get; private set; }
    public DateOnly? FullMemberOn { get; private set; }
    public string? Post { get; private set; }
    /// <summary>The mobile number (手机号).</summary>
    public string? Phone { get; private set; }

    /// <summary>The landline with its area code (固定电话).</summary>
    public string? Landline { get; private set; }
    public string? Address { get; private set; }
    public bool MembershipSuspended { get; private set; }
    public bool IsLost { get; private set; }
    public string? LostSince { get; private set; }
    public bool IsFloating { get; private set; }
    public string? FloatingTo { get; private set; }
    public string Tier { get; private set; } = "";
    public string? Position { get; private set; }
    public MemberStatus Status { get; private set; }

    /// <summary>Columns of an imported roster that Jishi has no field for, by header: kept with the member, shown on
    /// the member's form and exported again as columns of their own.</summary>
    public Dictionary<string, string> ExtraFields { get; private set; } = [];

    public IReadOnlyList<MemberTransfer> Transfers => _transfers;

    /// <summary>Takes the data of <paramref name="input"/>, checked by the caller (<see cref="MemberRules.Validate"/>): texts
    /// trimmed, the ID number and phone numbers normalized, extra fields replaced unless null. The unit is not changed.</summary>
    public void Update(MemberInput input)
    {
        Name = input.Name.Trim();
        Gender = input.Gender.Trim();
        Ethnicity = input.Ethnicity?.Trim();
        BirthDate = input.BirthDate;
        IdNumber = MemberRules.NormalizeIdNumber(input.IdNumber);
        Education = input.Education?.Trim();
        Category = input.Category;
        JoinedOn = input.JoinedOn;
        FullMemberOn = input.FullMemberOn;
        Post = input.Post?.Trim();
        Phone = MemberRules.NormalizeDigits(input.Phone)?.Trim();
        Landline = MemberRules.NormalizeDigits(input.Landline)?.Trim();
        Address = input.Address?.Trim();
        MembershipSuspended = input.MembershipSuspended;
        IsLost = input.IsLost;
        LostSince = input.LostSince;
        IsFloating = input.IsFloating;
        FloatingTo = input.FloatingTo?.Trim();
        Tier = input.Tier.Trim();
        Position = input.Position?.Trim();
        Status = input.Status;
        if (input.ExtraFields is not null)
        {
            ExtraFields = new Dictionary<string, string>(input.ExtraFields);
        }
    }

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
        _transfers.Add(transfer);
        PlaceIn(target);
        return transfer;
    }
}
