namespace Jishi.Web.Features.Members;

public enum MemberExcelKind
{
    Text,
    IdNumber,
    Phone,
    Date,
    YearMonth,
    Choice,
    Unit,
}

/// <summary>One column of the roster workbook. <see cref="Property"/> names the <see cref="Member"/> and
/// <see cref="MemberInput"/> property it carries (its camelCase form is the field MemberRules reports);
/// <see cref="Choices"/> map the words of a choice column to values, the first being what a blank cell means unless
/// <see cref="Required"/>. A required column must be in the file's header and have a value in every row.</summary>
public sealed record MemberExcelColumn(string Header, string Property, MemberExcelKind Kind, bool Required,
    Func<Member, object?> Get, Func<MemberInput, object?, MemberInput> Set, IReadOnlyList<(string Text, object Value)>? Choices = null)
{
    /// <summary>Room the column's values need, in Excel's character widths (a Chinese character takes two).</summary>
    public int ContentWidth { get; init; }

    /// <summary>Other headers that name the column (an older template's wording).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public string Field => char.ToLowerInvariant(Property[0]) + Property[1..];

    /// <summary>The resource string that explains the column on the template's 填写说明 sheet.</summary>
    public string NoteKey { get; init; } = "MemberExcel.Note." + Property;

    /// <summary>The column's width in the workbook: its header or its values, whichever is wider.</summary>
    public int Width => Math.Max(2 * Header.Length + 2, ContentWidth);

    public string? TextOf(object? value) => Choices?.FirstOrDefault(c => c.Value.Equals(value)).Text;
}

/// <summary>The roster workbook's columns, used alike by the template, the import and the export: the 16 items of the
/// national 2017 collection form in its order and wording, then Jishi's own. Headers and choice words are a file format
/// shared with the national system, so they stay Chinese in every UI language.</summary>
public static class MemberExcelColumns
{
    public const string SheetName = "党员名册";
    public const string NotesSheetName = "填写说明";
    public const string UnitHeader = "所在党支部";
    public const string TierHeader = "分层类别";

    /// <summary>A row number column; its values are not data.</summary>
    public const string RowNumberHeader = "序号";

    private static readonly (string, object)[] YesNo = [("否", false), ("是", true)];

    private static readonly MemberExcelColumn[] Columns =
    [
        new("姓名", nameof(Member.Name), MemberExcelKind.Text, true, m => m.Name, (i, v) => i with { Name = v as string ?? "" })
            { ContentWidth = 10 },
        new("性别", nameof(Member.Gender), MemberExcelKind.Text, true, m => m.Gender, (i, v) => i with { Gender = v as string ?? "" }),
        new("民族", nameof(Member.Ethnicity), MemberExcelKind.Text, false, m => m.Ethnicity, (i, v) => i with { Ethnicity = v as string }),
        new("公民身份号码", nameof(Member.IdNumber), MemberExcelKind.IdNumber, false, m => m.IdNumber, (i, v) => i with { IdNumber = v as string })
            { ContentWidth = 20 },
        new("出生日期", nameof(Member.BirthDate), MemberExcelKind.Date, false, m => m.BirthDate, (i, v) => i with { BirthDate = v as DateOnly? })
            { ContentWidth = 12 },
        new("学历", nameof(Member.Education), MemberExcelKind.Text, false, m => m.Education, (i, v) => i with { Education = v as string }),
        new("人员类别", nameof(Member.Category), MemberExcelKind.Choice, true, m => m.Category, (i, v) => i with { Category = (MemberCategory)v! },
            [("正式党员", MemberCategory.Full), ("预备党员", MemberCategory.Probationary)]),
        new(UnitHeader, nameof(Member.UnitId), MemberExcelKind.Unit, true, m => m.UnitId, (i, v) => i with { UnitId = (int)v! })
            { ContentWidth = 28 },
        new("加入党组织日期", nameof(Member.JoinedOn), MemberExcelKind.Date, true, m => m.JoinedOn, (i, v) => i with { JoinedOn = v as DateOnly? }),
        new("转为正式党员日期", nameof(Member.FullMemberOn), MemberExcelKind.Date, false, m => m.FullMemberOn, (i, v) => i with { FullMemberOn = v as DateOnly? }),
        new("工作岗位", nameof(Member.Post), MemberExcelKind.Text, false, m => m.Post, (i, v) => i with { Post = v as string })
            { ContentWidth = 16 },
        new("手机号", nameof(Member.Phone), MemberExcelKind.Phone, false, m => m.Phone, (i, v) => i with { Phone = v as string })
            { ContentWidth = 15, Aliases = ["联系电话", "手机号码"] },
        new("固定电话", nameof(Member.Landline), MemberExcelKind.Phone, false, m => m.Landline, (i, v) => i with { Landline = v as string })
            { ContentWidth = 16, NoteKey = "Roster.Note.Landline" },
        new("家庭住址", nameof(Member.Address), MemberExcelKind.Text, false, m => m.Address, (i, v) => i with { Address = v as string })
            { ContentWidth = 40 },
        new("党籍状态", nameof(Member.MembershipSuspended), MemberExcelKind.Choice, false, m => m.MembershipSuspended,
            (i, v) => i with { MembershipSuspended = (bool)v! }, [("正常", false), ("停止党籍", true)]),
        new("是否为失联党员", nameof(Member.IsLost), MemberExcelKind.Choice, false, m => m.IsLost, (i, v) => i with { IsLost = (bool)v! }, YesNo),
        new("失去联系日期", nameof(Member.LostSince), MemberExcelKind.YearMonth, false, m => m.LostSince, (i, v) => i with { LostSince = v as string }),
        new("是否为流动党员", nameof(Member.IsFloating), MemberExcelKind.Choice, false, m => m.IsFloating, (i, v) => i with { IsFloating = (bool)v! }, YesNo),
        new("外出流向", nameof(Member.FloatingTo), MemberExcelKind.Text, false, m => m.FloatingTo, (i, v) => i with { FloatingTo = v as string })
            { ContentWidth = 24 },
        new(TierHeader, nameof(Member.Tier), MemberExcelKind.Text, false, m => m.Tier, (i, v) => i with { Tier = v as string ?? "" }),
        new("职务", nameof(Member.Position), MemberExcelKind.Text, false, m => m.Position, (i, v) => i with { Position = v as string })
            { ContentWidth = 18 },
        new("人员状态", nameof(Member.Status), MemberExcelKind.Choice, false, m => m.Status, (i, v) => i with { Status = (MemberStatus)v! },
            [("正常", MemberStatus.Active), ("已转出", MemberStatus.TransferredOut), ("已去世", MemberStatus.Deceased)]),
    ];

    public static IReadOnlyList<MemberExcelColumn> All => Columns;

    /// <summary>The column's place in the workbook, from 0.</summary>
    public static int OrderOf(MemberExcelColumn column) => Array.IndexOf(Columns, column);

    /// <summary>The column a header cell names: the bare header or an alias, or one followed by a hint in brackets
    /// ("人员类别(正式党员/预备党员)"); spaces, line breaks and a required-mark * are ignored.</summary>
    public static MemberExcelColumn? Match(string? header) =>
        Bare(header) is { } bare ? All.FirstOrDefault(c => c.Header == bare || c.Aliases.Contains(bare)) : null;

    /// <summary>A header cell without spaces, required-mark and bracketed hint; null when nothing is left.</summary>
    public static string? Bare(string? header)
    {
        if (header is null)
        {
            return null;
        }
        var bare = new string(header.Where(c => !char.IsWhiteSpace(c) && c != '*').ToArray());
        var bracket = bare.IndexOfAny(['(', '（', '[', '【']);
        if (bracket > 0)
        {
            bare = bare[..bracket];
        }
        return bare.Length == 0 ? null : bare;
    }
}
