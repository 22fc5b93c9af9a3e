namespace Jishi.Web.Features.Reviews;

/// <summary>One item a secretary is rated on (e.g. 党员教育管理) when a campaign rates several instead of one overall
/// grade. Fixed once voting opens: ballots and tallies refer to it.</summary>
public sealed class ReviewDimension
{
    private ReviewDimension() { }

    internal ReviewDimension(string name, int order)
    {
        Name = name;
        Order = order;
    }

    public const int MaxNameLength = 50;

    /// <summary>At most this many per campaign, so a phone ballot stays short enough to fill in.</summary>
    public const int MaxCount = 10;

    /// <summary>What a rating and a tally carry when the campaign has no dimensions: the one overall grade. Identity
    /// columns start at 1 on both databases, so 0 is never a real dimension, and it keeps the keys free of nullable columns.</summary>
    public const int Overall = 0;

    /// <summary>The five items many streets rate each secretary on (五项测评), offered as a preset by the admin page.</summary>
    public static readonly string[] FiveItemSet = ["抓党建工作责任落实", "基层组织建设", "党员教育管理", "服务群众", "党风廉政建设"];

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public string Name { get; private set; } = "";
    public int Order { get; internal set; }
}
