using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Jishi.BrowserTests.Infrastructure;

/// <summary>Prints the page as Chromium would on A4 and checks a real PDF came out; a screenshot of the print layout at the
/// A4 text width (190 mm) goes next to it for people to look at. Gives the number of pages.</summary>
public static partial class PdfPrint
{
    public static async Task<int> AssertPdfAsync(IPage page, string name)
    {
        var path = Path.Combine(JishiServer.ScreenshotFolder, name + ".pdf");
        await page.PdfAsync(new PagePdfOptions { Path = path, Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes.Length > 1000, $"{name}.pdf has {bytes.Length} bytes");
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        await page.SetViewportSizeAsync(718, 1000);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await JishiServer.ScreenshotAsync(page, name + "-print");
        return PdfPage().Count(Encoding.Latin1.GetString(bytes));
    }

    [GeneratedRegex(@"/Type\s*/Page(?!s)")]
    private static partial Regex PdfPage();
}
