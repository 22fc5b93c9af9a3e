namespace Jishi.Web.Features.Volunteering;

/// <summary>The kinds of identity document the national volunteer rules accept.</summary>
public enum IdType
{
    ResidentId = 0,
    HongKongMacaoPermit = 1,
    TaiwanPermit = 2,
    Passport = 3,
    ForeignPermanentResident = 4,
}

/// <summary>A resident registered as a volunteer without being a party member: serves, gets hours and stars, no party points.</summary>
public sealed class Volunteer
{
    public const int MaxName = 50;
    public const int MaxIdNumber = 30;

    private Volunteer() { }

    public Volunteer(int unitId, string name, string phone, IdType idType, string idNumber, DateTime at)
    {
        UnitId = unitId;
        CreatedAt = at;
        Change(name, phone, idType, idNumber);
    }

    public int Id { get; private set; }

    /// <summary>The community the resident lives in.</summary>
    public int UnitId { get; private set; }

    public string Name { get; private set; } = "";
    public string Phone { get; private set; } = "";
    public IdType IdType { get; private set; }
    public string IdNumber { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    public void Change(string name, string phone, IdType idType, string idNumber)
    {
        Name = name;
        Phone = phone;
        IdType = idType;
        IdNumber = idNumber;
    }
}
