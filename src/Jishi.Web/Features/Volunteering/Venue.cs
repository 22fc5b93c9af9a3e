namespace Jishi.Web.Features.Volunteering;

/// <summary>A service centre of the street or a community (便民服务中心, 日间照料中心, 空巢老人之家, …): where activities happen.</summary>
public sealed class Venue
{
    public const int MaxName = 100;
    public const int MaxType = 40;
    public const int MaxAddress = 200;
    public const int MaxHours = 200;

    private Venue() { }

    public Venue(int unitId, string name, string type, string address, string openingHours)
    {
        UnitId = unitId;
        Change(name, type, address, openingHours, false);
    }

    public int Id { get; private set; }

    /// <summary>The street or community that runs the venue.</summary>
    public int UnitId { get; private set; }

    public string Name { get; private set; } = "";
    public string Type { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string OpeningHours { get; private set; } = "";
    public bool IsClosed { get; private set; }

    public void Change(string name, string type, string address, string openingHours, bool closed)
    {
        Name = name;
        Type = type;
        Address = address;
        OpeningHours = openingHours;
        IsClosed = closed;
    }
}
