using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Jishi.Web.Shared.Excel;

namespace Jishi.UnitTests.Shared.Excel;

public sealed class XlsxWriterTests
{
    [Theory]
    [InlineData("=1+1")]
    [InlineData("+8613800000000")]
    [InlineData("-5x")]
    [InlineData("@x")]
    public void Write_TextLikeAFormula_StaysText(string text)
    {
        var bytes = XlsxWriter.Write(new XlsxSheet("表", "内容", "数").Add(text, 42));
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var workbook = document.WorkbookPart!;
        var cells = workbook.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToList();
        Assert.DoesNotContain(cells, c => c.CellFormula is not null);
        var strings = workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
        var cell = cells.Single(c => c.CellReference == "A2");
        Assert.Equal(CellValues.SharedString, cell.DataType!.Value);
        Assert.Equal(text, strings[int.Parse(cell.CellValue!.Text)]);
        Assert.Equal("42", cells.Single(c => c.CellReference == "B2").CellValue!.Text);
    }
}
