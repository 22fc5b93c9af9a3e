using Jishi.Web.Shared.Files;

namespace Jishi.Web.Features.Duties;

public sealed record KeyTaskCellDto(int Id, int KeyTaskId, int UnitId, string UnitName, string? Owner, DateOnly Deadline, int Progress,
    KeyTaskStatus Status, DateOnly? CompletedOn, string? UpdatedBy, DateTime? UpdatedAt, int Files);

public sealed record KeyTaskDto(int Id, int Year, string Title, string? Description, DateOnly Deadline,
    IReadOnlyList<KeyTaskCellDto> Cells);

/// <summary>A community column of the matrix, with its completion rate (0–1, null without tasks).</summary>
public sealed record KeyTaskCommunity(int Id, string Name, decimal? Rate);

public sealed record KeyTaskMatrix(int Year, IReadOnlyList<KeyTaskCommunity> Communities, IReadOnlyList<KeyTaskDto> Tasks);

public sealed record KeyTaskNoteDto(int Id, int Progress, string Text, string By, DateTime At);

public sealed record KeyTaskCellDetail(KeyTaskCellDto Cell, string Title, IReadOnlyList<KeyTaskNoteDto> Notes,
    IReadOnlyList<StoredFileDto> Files);

public static class KeyTaskDtoMapping
{
    public static KeyTaskDto AsDto(this KeyTask t, IReadOnlyList<KeyTaskCellDto> cells) =>
        new(t.Id, t.Year, t.Title, t.Description, t.Deadline, cells);

    /// <summary>The cell with its status on <paramref name="today"/> and the number of its evidence files.</summary>
    public static KeyTaskCellDto AsDto(this KeyTaskCell c, string unitName, int files, DateOnly today) => new(c.Id, c.KeyTaskId, c.UnitId,
        unitName, c.Owner, c.Deadline, c.Progress, c.StatusOn(today), c.CompletedOn, c.UpdatedBy, c.UpdatedAt, files);
}
