namespace Jishi.Web.Shared.Excel;

/// <summary>A record a refused import row matches (the member already holding an ID number), which the caller may move
/// into the unit the row names instead of adding it again.</summary>
public sealed record TransferOffer(int MemberId, string Name, string UnitName);
