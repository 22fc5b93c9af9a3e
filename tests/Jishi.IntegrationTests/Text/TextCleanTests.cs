using System.Net;
using System.Net.Http.Json;
using System.Text;
using Jishi.IntegrationTests.Infrastructure;

namespace Jishi.IntegrationTests.Text;

[Collection(ApiCollection.Name)]
public sealed class TextCleanTests(JishiFactory factory)
{
    private sealed record Cleaned(string Text, bool Changed);

    [Fact]
    public async Task Clean_PastedTraditionalWithPinyin_ReturnsPlainSimplified()
    {
        var client = await factory.ClientForAsync("sq01");
        var response = await client.PostAsJsonAsync("/api/text/clean", new { text = "加強黨建（dǎng jiàn）工作 , 落實整改（一）" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Cleaned("加强党建工作，落实整改（一）", true), await response.Content.ReadFromJsonAsync<Cleaned>());
    }

    [Fact]
    public async Task Clean_IssueSentence_Simplified()
    {
        var client = await factory.ClientForAsync("sq01");
        var response = await client.PostAsJsonAsync("/api/text/clean", new { text = "社區(qū)黨組織書記抓黨建工作述職評(píng)議大會" });
        Assert.Equal(new Cleaned("社区党组织书记抓党建工作述职评议大会", true), await response.Content.ReadFromJsonAsync<Cleaned>());
    }

    private sealed record Check(int Line, string Excerpt);

    private sealed record CleanedWithChecks(string Text, bool Changed, IReadOnlyList<Check> Checks);

    [Fact]
    public async Task Clean_GlossAfterGarbledCharacter_RestoredOrListedToCheck()
    {
        var client = await factory.ClientForAsync("sq01");
        var response = await client.PostAsJsonAsync("/api/text/clean", new { text = "打牢基础;A(chǔ)不牢\n第二行：B(chǔ)很重要" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cleaned = (await response.Content.ReadFromJsonAsync<CleanedWithChecks>())!;
        Assert.Equal("打牢基础；基础不牢\n第二行：B很重要", cleaned.Text);
        Assert.Equal([new Check(2, "第二行：B(chǔ)很重要")], cleaned.Checks);
    }

    [Fact]
    public async Task Import_Gb18030Report_CleanedAndSplit()
    {
        var client = await factory.ClientForAsync("sq01");
        var report = "一、主要成績\r\n黨建（dǎng jiàn）工作紮實推進\r\n二、存在的問題\r\n1. 臺賬不規範\r\n2. 宣傳報道偏少\r\n三、下一步打算\r\n加強學習 , 落實整改";

        var response = await client.PostAsync("/api/text/import", Upload("述职报告.txt", CodePagesEncodingProvider.Instance.GetEncoding(54936)!.GetBytes(report)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var imported = (await response.Content.ReadFromJsonAsync<Imported>())!;
        Assert.Equal(("述职报告.txt", "党建工作扎实推进", "加强学习，落实整改", true), (imported.FileName, imported.Achievements, imported.NextSteps, imported.Changed));
        Assert.Equal(["台账不规范", "宣传报道偏少"], imported.Problems);
    }

    [Fact]
    public async Task Import_NotAReport_400Localized()
    {
        var client = await factory.ClientForAsync("sq01");
        var response = await client.PostAsync("/api/text/import", Upload("report.docx", "not a word document"u8.ToArray()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Word", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Import_Over5MB_413()
    {
        var client = await factory.ClientForAsync("sq01");
        var response = await client.PostAsync("/api/text/import", Upload("big.txt", new byte[5 * 1024 * 1024 + 1]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Import_WithoutLogin_401()
    {
        var response = await factory.CreateClient().PostAsync("/api/text/import", Upload("a.txt", "党建"u8.ToArray()));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private sealed record Imported(string FileName, string Achievements, IReadOnlyList<string> Problems, string NextSteps, bool Changed);

    private static MultipartFormDataContent Upload(string name, byte[] bytes) => new() { { new ByteArrayContent(bytes), "file", name } };

    [Fact]
    public async Task Clean_WithoutLogin_401()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/text/clean", new { text = "党建" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
