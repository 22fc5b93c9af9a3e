using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Files;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Jishi.Web.Features.Text;

/// <summary>A work report written elsewhere, as its text came out of the file and as cleaned, with the cleaned text split
/// into the report's sections by their headings (主要成绩, 存在问题, 下一步); without headings it all goes to the first.
/// <see cref="Checks"/> are the spots of the clean-up a person should look at.</summary>
public sealed record ImportedReport(string FileName, string Original, string Text, bool Changed, string Achievements,
    IReadOnlyList<string> Problems, string NextSteps, IReadOnlyList<CleanText.Check> Checks);

/// <summary>POST /api/text/import: a .docx or .txt report read, cleaned (<see cref="CleanText"/>) and split into sections.
/// Nothing is saved: the editor shows the original beside the cleaned text and fills the report only when accepted.</summary>
public sealed partial class ImportReport(CleanText cleaner)
{
    /// <summary>The most characters of XML read from the document's body. A 5 MB .docx can hold gigabytes once unzipped
    /// (a zip bomb); a real report's word/document.xml is a few megabytes at most.</summary>
    public const long MaxXmlCharacters = 20_000_000;

    public async Task<Result<ImportedReport>> ReadAsync(UploadedFile upload, CancellationToken ct)
    {
        var checkedFile = await upload.CheckAsync(FileKinds.Reports, ct);
        if (checkedFile.Error is { } refused)
        {
            return refused;
        }
        var file = checkedFile.Value!;
        var original = file.ContentType == "text/plain" ? ReadPlainText(file.Content) : ReadDocx(file.Content);
        if (original is null)
        {
            return Error.Invalid("Text.Import.Unreadable");
        }
        if (original.Length > CleanText.MaxLength)
        {
            return Error.Invalid("Text.TooLong", CleanText.MaxLength);
        }
        var cleaned = cleaner.Handle(new(original));
        var (achievements, problems, nextSteps) = Split(cleaned.Text);
        return new ImportedReport(file.FileName, original, cleaned.Text, cleaned.Changed, achievements, problems, nextSteps, cleaned.Checks);
    }

    /// <summary>UTF-8 (with or without its mark), UTF-16 with its mark (Notepad's "Unicode"), else GB18030, which Chinese
    /// Windows writes as "ANSI"; null for what is not text at all.</summary>
    internal static string? ReadPlainText(byte[] bytes)
    {
        string text;
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }
        else if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }
        else
        {
            try
            {
                text = StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                text = CodePagesEncodingProvider.Instance.GetEncoding(54936)!.GetString(bytes);
            }
            text = text.TrimStart('\uFEFF');
        }
        return text.Contains('\0') ? null : LineEnds().Replace(text, "\n");
    }

    /// <summary>The paragraphs of the document's body, tables included, one per line; null when it is not a Word document
    /// or its body is larger than <see cref="MaxXmlCharacters"/>.</summary>
    internal static string? ReadDocx(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxXmlCharacters });
            if (document.MainDocumentPart?.Document?.Body is not { } body)
            {
                return null;
            }
            var text = new StringBuilder();
            foreach (var paragraph in body.Descendants<W.Paragraph>())
            {
                foreach (var element in paragraph.Descendants())
                {
                    text.Append(element switch
                    {
                        W.Text t => t.Text,
                        W.TabChar => "\t",
                        W.Break or W.CarriageReturn => "\n",
                        _ => "",
                    });
                }
                text.Append('\n');
            }
            return text.ToString().TrimEnd('\n');
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The text before the first heading and under 主要成绩 is the achievements; each line under 存在问题 is one
    /// problem (its numbering dropped); the text under 下一步 is the next steps.</summary>
    internal static (string Achievements, IReadOnlyList<string> Problems, string NextSteps) Split(string text)
    {
        var sections = new List<string>[] { [], [], [] };
        var current = 0;
        var headed = false;
        foreach (var line in text.Split('\n'))
        {
            if (line.Length <= 30 && HeadingOf(line) is { } heading)
            {
                current = heading;
                headed = true;
                continue;
            }
            sections[current].Add(line);
        }
        if (!headed)
        {
            return (text.Trim('\n'), [], "");
        }
        var problems = sections[1].Select(l => Numbering().Replace(l, "").Trim()).Where(l => l.Length > 0).ToList();
        return (string.Join('\n', sections[0]).Trim('\n'), problems, string.Join('\n', sections[2]).Trim('\n'));
    }

    private static int? HeadingOf(string line) =>
        AchievementsHeading().IsMatch(line) ? 0 : ProblemsHeading().IsMatch(line) ? 1 : NextStepsHeading().IsMatch(line) ? 2 : null;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // A heading is a short line: its numbering (一、 （二） 3. ), then the name of the section, then nothing that ends a
    // sentence.
    private const string HeadingNumber = @"^\s*(?:[（(]?[一二三四五六七八九十0-9]+[)）、.．]?\s*)?";

    [GeneratedRegex(HeadingNumber + @"(?:主要|工作|取得的)(?:工作)?成绩[^。；]*$")]
    private static partial Regex AchievementsHeading();

    [GeneratedRegex(HeadingNumber + @"(?:存在的?(?:主要)?问题|问题(?:和|与|及)不足)[^。；]*$")]
    private static partial Regex ProblemsHeading();

    [GeneratedRegex(HeadingNumber + @"下一步[^。；]*$")]
    private static partial Regex NextStepsHeading();

    [GeneratedRegex(@"^\s*(?:[（(][一二三四五六七八九十0-9]+[)）]|[一二三四五六七八九十0-9]+[、.．)）])\s*")]
    private static partial Regex Numbering();

    [GeneratedRegex(@"\r\n?")]
    private static partial Regex LineEnds();
}
