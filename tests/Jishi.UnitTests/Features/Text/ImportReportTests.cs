using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Jishi.Web.Features.Text;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Files;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Jishi.UnitTests.Features.Text;

public sealed class ImportReportTests
{
    private static readonly ImportReport Importer = new(new CleanText(new OpenCcDictionaries(), new GlossWords()));

    private static readonly Encoding Gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;

    [Fact]
    public async Task ReadAsync_TraditionalDocxWithHeadings_CleanedAndSplitIntoSections()
    {
        var docx = Docx("2016年度述職報告", "一、主要成績", "黨建（dǎng jiàn）工作  紮實推進,成效明顯。", "二、存在的問題",
            "1. 臺賬不規範", "（2）宣傳報道偏少", "三、下一步工作打算", "加強學習 , 落實整改。");

        var imported = await ReadAsync("述职报告.docx", docx);

        Assert.Equal("述职报告.docx", imported.FileName);
        Assert.StartsWith("2016年度述職報告\n一、主要成績\n黨建（dǎng jiàn）", imported.Original);
        Assert.True(imported.Changed);
        Assert.Equal("2016年度述职报告\n党建工作扎实推进，成效明显。", imported.Achievements);
        Assert.Equal(["台账不规范", "宣传报道偏少"], imported.Problems);
        Assert.Equal("加强学习，落实整改。", imported.NextSteps);
    }

    [Fact]
    public void ReadDocx_TabsBreaksAndTables_OneLinePerParagraph()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new W.Document(new W.Body(
                new W.Paragraph(new W.Run(new W.Text("姓名"), new W.TabChar(), new W.Text("张三"), new W.Break(), new W.Text("第二行"))),
                new W.Table(new W.TableRow(new W.TableCell(new W.Paragraph(new W.Run(new W.Text("表格里的字")))))),
                new W.Paragraph(new W.Run(new W.Text("最后一段")))));
        }

        Assert.Equal("姓名\t张三\n第二行\n表格里的字\n最后一段", ImportReport.ReadDocx(stream.ToArray()));
    }

    [Fact]
    public async Task ReadAsync_Gb18030Text_DecodedAndCleaned()
    {
        var imported = await ReadAsync("报告.txt", Gb18030.GetBytes("社區(qū)黨組織書記抓黨建工作述職評(píng)議大會\r\n第二行"));

        Assert.Equal("社區(qū)黨組織書記抓黨建工作述職評(píng)議大會\n第二行", imported.Original);
        Assert.Equal("社区党组织书记抓党建工作述职评议大会\n第二行", imported.Achievements);
        Assert.Empty(imported.Problems);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16")]
    [InlineData("gb18030")]
    public void ReadPlainText_EachEncoding_SameText(string encoding)
    {
        const string text = "七里墩街道各站(所)负责人：党建工作（一）";
        var bytes = encoding switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(text),
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf-16" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            _ => Gb18030.GetBytes(text),
        };
        Assert.Equal(text, ImportReport.ReadPlainText(bytes));
    }

    [Fact]
    public async Task ReadAsync_ZipBomb_RefusedUnreadable()
    {
        // Highly compressible: a few hundred kilobytes zipped, more than the XML limit once unzipped.
        var bomb = Docx(new string('党', (int)ImportReport.MaxXmlCharacters + 1000));
        Assert.True(bomb.Length < FileKinds.Reports.MaxBytes);

        var result = await Importer.ReadAsync(new("bomb.docx", bomb.Length, new MemoryStream(bomb)), default);

        Assert.Equal("Text.Import.Unreadable", result.Error?.Code);
    }

    [Theory]
    [InlineData("report.exe", "Files.BadType.Reports")]
    [InlineData("report.pdf", "Files.BadType.Reports")]
    [InlineData("report.docx", "Files.BadType.Reports")]
    public async Task ReadAsync_NotAReport_Refused(string name, string code)
    {
        var bytes = "%PDF-1.4 not a report"u8.ToArray();
        var result = await Importer.ReadAsync(new(name, bytes.Length, new MemoryStream(bytes)), default);
        Assert.Equal(code, result.Error?.Code);
    }

    [Fact]
    public async Task ReadAsync_ZipThatIsNotWord_Unreadable()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = zip.CreateEntry("hello.txt").Open();
            await entry.WriteAsync("你好"u8.ToArray());
        }
        var bytes = stream.ToArray();

        var result = await Importer.ReadAsync(new("fake.docx", bytes.Length, new MemoryStream(bytes)), default);

        Assert.Equal("Text.Import.Unreadable", result.Error?.Code);
    }

    [Fact]
    public async Task ReadAsync_Over5MB_RefusedBeforeReading()
    {
        var result = await Importer.ReadAsync(new("big.txt", FileKinds.Reports.MaxBytes + 1, Stream.Null), default);
        Assert.Equal(("Files.TooLarge", 413), (result.Error?.Code, result.Error?.Status));
    }

    [Theory]
    [InlineData("全年召开党员大会四十二次。\n下一步还要加强。", "全年召开党员大会四十二次。\n下一步还要加强。", 0, "")]
    [InlineData("（一）主要成绩\n成绩一\n（二）问题与不足\n一、问题一\n（三）下一步打算\n打算一", "成绩一", 1, "打算一")]
    public void Split_Headings_SectionsOrAllInFirst(string text, string achievements, int problems, string nextSteps)
    {
        var (a, p, n) = ImportReport.Split(text);
        Assert.Equal((achievements, problems, nextSteps), (a, p.Count, n));
    }

    private static async Task<ImportedReport> ReadAsync(string name, byte[] bytes)
    {
        var result = await Importer.ReadAsync(new(name, bytes.Length, new MemoryStream(bytes)), default);
        Assert.Null(result.Error);
        return result.Value!;
    }

    private static byte[] Docx(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new W.Document(new W.Body(
                paragraphs.Select(p => new W.Paragraph(new W.Run(new W.Text(p) { Space = SpaceProcessingModeValues.Preserve })))));
        }
        return stream.ToArray();
    }
}
