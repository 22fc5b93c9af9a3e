namespace Jishi.Web.Features.Points;

/// <summary>One item of a rule set (积分细则): points per unit (negative for a deduction), its unit (次, 小时, 件), caps in
/// points per month and per year, and whether an entry needs approval or evidence. A veto item (一票否决) sets the year's
/// assessment score to 0.</summary>
public sealed class PointRule
{
    private PointRule() { }

    public PointRule(string code, string name, decimal points, string unit, decimal? capPerMonth = null, decimal? capPerYear = null,
        bool needsApproval = false, bool needsEvidence = false, bool isVeto = false)
    {
        Code = code;
        Name = name;
        Points = points;
        Unit = unit;
        CapPerMonth = capPerMonth;
        CapPerYear = capPerYear;
        NeedsApproval = needsApproval;
        NeedsEvidence = needsEvidence;
        IsVeto = isVeto;
    }

    public int Id { get; private set; }
    public int RuleSetId { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public decimal Points { get; private set; }
    public string Unit { get; private set; } = "次";
    public decimal? CapPerMonth { get; private set; }
    public decimal? CapPerYear { get; private set; }
    public bool NeedsApproval { get; private set; }
    public bool NeedsEvidence { get; private set; }
    public bool IsVeto { get; private set; }
    public int SortOrder { get; set; }

    public PointRule Copy() => new(Code, Name, Points, Unit, CapPerMonth, CapPerYear, NeedsApproval, NeedsEvidence, IsVeto) { SortOrder = SortOrder };

    /// <summary>Quantity × points per unit, to the hundredth (the ledger's precision).</summary>
    public decimal PointsFor(decimal quantity) => Math.Round(quantity * Points, 2, MidpointRounding.AwayFromZero);

    /// <summary>What a positive award may still grant after <paramref name="usedThisMonth"/> and <paramref name="usedThisYear"/>
    /// (points this rule already granted the member, pending ones included): the request, cut to what the caps leave.
    /// Deductions are never capped.</summary>
    public (decimal Granted, bool CapCut) Grant(decimal requested, decimal usedThisMonth, decimal usedThisYear)
    {
        if (requested <= 0)
        {
            return (requested, false);
        }
        var granted = requested;
        if (CapPerMonth is { } month)
        {
            granted = Math.Min(granted, Math.Max(0, month - usedThisMonth));
        }
        if (CapPerYear is { } year)
        {
            granted = Math.Min(granted, Math.Max(0, year - usedThisYear));
        }
        return (granted, granted < requested);
    }
}
