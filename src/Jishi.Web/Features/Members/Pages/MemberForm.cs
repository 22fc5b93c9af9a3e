using Jishi.Web.Shared;

namespace Jishi.Web.Features.Members.Pages;

/// <summary>The editable copy of a member behind the modal form; dates are DateTime for the date pickers. Fields the
/// form does not show travel through unchanged.</summary>
public sealed class MemberForm
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public string Gender { get; set; } = "男";
    public string? Ethnicity { get; set; } = "汉族";
    public DateTime? BirthDate { get; set; }
    public string? IdNumber { get; set; }
    public string? Education { get; set; }
    public MemberCategory Category { get; set; }
    public int? UnitId { get; set; }
    public DateTime? JoinedOn { get; set; }
    public DateTime? FullMemberOn { get; set; }
    public string? Post { get; set; }
    public string? Phone { get; set; }
    public string? Landline { get; set; }
    public string? Address { get; set; }
    public bool MembershipSuspended { get; set; }
    public bool IsLost { get; set; }
    public string? LostSince { get; set; }
    public bool IsFloating { get; set; }
    public string? FloatingTo { get; set; }
    public string Tier { get; set; } = "";
    public string? Position { get; set; }
    public MemberStatus Status { get; set; }
    public IReadOnlyDictionary<string, string> ExtraFields { get; private set; } = new Dictionary<string, string>();

    /// <summary>True while the ID number and phones on the form are the masked ones of the list.</summary>
    public bool Masked => IdNumber?.Contains('*') == true || Phone?.Contains('*') == true || Landline?.Contains('*') == true;

    /// <summary>The numbers as the list shows them, until <see cref="Reveal"/>.</summary>
    public void Mask()
    {
        IdNumber = Masking.IdNumber(IdNumber);
        Phone = Masking.Phone(Phone);
        Landline = Masking.Phone(Landline);
    }

    /// <summary>The numbers in clear, from an audited reveal.</summary>
    public void Reveal(MemberDetail m)
    {
        IdNumber = m.IdNumber;
        Phone = m.Phone;
        Landline = m.Landline;
    }

    public static MemberForm From(MemberDetail m) => new()
    {
        Id = m.Id, Name = m.Name, Gender = m.Gender, Ethnicity = m.Ethnicity, BirthDate = ToDateTime(m.BirthDate),
        IdNumber = m.IdNumber, Education = m.Education, Category = m.Category, UnitId = m.UnitId, JoinedOn = ToDateTime(m.JoinedOn),
        FullMemberOn = ToDateTime(m.FullMemberOn), Post = m.Post, Phone = m.Phone, Landline = m.Landline, Address = m.Address,
        MembershipSuspended = m.MembershipSuspended, IsLost = m.IsLost, LostSince = m.LostSince, IsFloating = m.IsFloating,
        FloatingTo = m.FloatingTo, Tier = m.Tier, Position = m.Position, Status = m.Status, ExtraFields = m.ExtraFields,
    };

    public MemberInput ToInput() => new()
    {
        Name = Name, Gender = Gender, Ethnicity = Ethnicity, BirthDate = ToDateOnly(BirthDate), IdNumber = IdNumber,
        Education = Education, Category = Category, UnitId = UnitId ?? 0, JoinedOn = ToDateOnly(JoinedOn),
        FullMemberOn = ToDateOnly(FullMemberOn), Post = Post, Phone = Phone, Landline = Landline, Address = Address,
        MembershipSuspended = MembershipSuspended, IsLost = IsLost, LostSince = LostSince, IsFloating = IsFloating,
        FloatingTo = FloatingTo, Tier = Tier, Position = Position, Status = Status,
    };

    public static DateTime? ToDateTime(DateOnly? d) => d?.ToDateTime(TimeOnly.MinValue);

    public static DateOnly? ToDateOnly(DateTime? d) => d is { } v ? DateOnly.FromDateTime(v) : null;
}
