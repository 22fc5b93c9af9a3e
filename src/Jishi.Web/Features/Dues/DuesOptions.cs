namespace Jishi.Web.Features.Dues;

/// <summary>The street's choices within the 2008 rules (section <c>Dues</c>).</summary>
public sealed class DuesOptions
{
    public const string Section = "Dues";

    /// <summary>What a farmer member pays a month, 0.2 to 1 yuan.</summary>
    public decimal FarmerMonthly { get; set; } = 0.2m;

    public DuesStandard Standard() =>
        new(DuesStandard.FenOf(FarmerMonthly, DuesStandard.MaxFarmerFen) is { } fen ? fen
            : throw new InvalidOperationException($"Dues:FarmerMonthly must be 0.2 to 1 yuan, not {FarmerMonthly}"));
}
