namespace Jishi.Web.Shared.Excel;

/// <summary>One reason an import was refused: a cell (row as Excel numbers it, column by its header) or, with both
/// null, the file as a whole. <see cref="Message"/> is complete in itself ("第5行「加入党组织日期」…").</summary>
public sealed record ImportProblem(int? Row, string? Column, string Message)
{
    /// <summary>For a row that names a record the caller already sees elsewhere (an ID number a member holds): that record,
    /// to move instead.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public TransferOffer? Transfer { get; init; }
}
