using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jishi.IntegrationTests.Reviews;

[Collection(ApiCollection.Name)]
public sealed class EvidenceTests(JishiFactory factory)
{
    private sealed record SubjectRow(int Id, string Name, int UnitId);
    private sealed record Review(int Id, List<SubjectRow> Subjects);
    private sealed record TaskRow(int Id, string Status, string? Evidence, int EvidenceFiles);
    private sealed record FileRow(int Id, string FileName, string ContentType, long Size, string UploadedBy);
    private sealed record Refusal(string? Detail);

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5];

    /// <summary>A new 整改 task of 七里墩社区 (sq01), started by its secretary.</summary>
    private async Task<int> NewTaskAsync()
    {
        var admin = await factory.ClientForAsync("admin");
        var review = (await admin.GetFromJsonAsync<Review>("/api/reviews/1"))!;
        var created = await admin.PostAsJsonAsync("/api/reviews/1/rectifications",
            new { unitId = review.Subjects[0].UnitId, problem = "活动阵地台账不全 " + Guid.NewGuid().ToString("N")[..6], owner = "王建华", deadline = "2016-06-30" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<TaskRow>())!.Id;
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, int taskId, byte[] content, string fileName) =>
        client.PostAsync($"/api/rectifications/{taskId}/evidence", new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } });

    [Fact]
    public async Task Evidence_UploadListDownload_SameBytesAndOtherCommunityAnswers404()
    {
        var id = await NewTaskAsync();
        var sq01 = await factory.ClientForAsync("sq01");

        var uploaded = await UploadAsync(sq01, id, Png, "整改照片.PNG");

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var file = (await uploaded.Content.ReadFromJsonAsync<FileRow>())!;
        Assert.Equal(("整改照片.PNG", "image/png", Png.LongLength, "sq01"), (file.FileName, file.ContentType, file.Size, file.UploadedBy));
        var admin = await factory.ClientForAsync("admin");
        Assert.Equal(file.Id, Assert.Single((await admin.GetFromJsonAsync<List<FileRow>>($"/api/rectifications/{id}/evidence"))!).Id);
        using var download = await admin.GetAsync($"/api/rectifications/{id}/evidence/{file.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("整改照片.PNG", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, (await admin.GetFromJsonAsync<List<TaskRow>>("/api/rectifications"))!.Single(t => t.Id == id).EvidenceFiles);
        // The audit log records the upload with the file's size, not a second copy of its bytes.
        var key = file.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audited = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Entity == "RectificationEvidence" && e.Key == key));
        Assert.Contains($"\"Content\":\"{Png.Length} bytes\"", audited.After);
        Assert.Equal("sq01", audited.UserName);

        var sq02 = await factory.ClientForAsync("sq02");
        Assert.Equal(HttpStatusCode.NotFound, (await sq02.GetAsync($"/api/rectifications/{id}/evidence")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sq02.GetAsync($"/api/rectifications/{id}/evidence/{file.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(sq02, id, Png, "越权.png")).StatusCode);
        Assert.Single((await admin.GetFromJsonAsync<List<FileRow>>($"/api/rectifications/{id}/evidence"))!);
    }

    [Theory]
    [InlineData("木马.exe", "MZ-executable")]
    [InlineData("假照片.png", "plain text, not an image")]
    [InlineData("说明.txt", "text")]
    public async Task Evidence_WrongType_RefusedInChinese(string fileName, string content)
    {
        var id = await NewTaskAsync();
        var sq01 = await factory.ClientForAsync("sq01");

        var refused = await UploadAsync(sq01, id, System.Text.Encoding.UTF8.GetBytes(content), fileName);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.StartsWith("只能上传图片", (await refused.Content.ReadFromJsonAsync<Refusal>())!.Detail);
        Assert.Empty((await sq01.GetFromJsonAsync<List<FileRow>>($"/api/rectifications/{id}/evidence"))!);
    }

    [Fact]
    public async Task Evidence_OverTenMegabytes_Refused413()
    {
        var id = await NewTaskAsync();
        var sq01 = await factory.ClientForAsync("sq01");
        var big = new byte[10 * 1024 * 1024 + 1];
        "%PDF"u8.CopyTo(big);

        var refused = await UploadAsync(sq01, id, big, "扫描件.pdf");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Contains("10 MB", (await refused.Content.ReadFromJsonAsync<Refusal>())!.Detail);
    }

    [Fact]
    public async Task Progress_SubmitWithFilesOnly_AwaitsVerificationThenNoMoreUploads()
    {
        var id = await NewTaskAsync();
        var sq01 = await factory.ClientForAsync("sq01");
        var nothing = await sq01.PostAsJsonAsync($"/api/rectifications/{id}/progress", new { measures = "补齐台账", submit = true });
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        // Refused as a whole: not even the start is saved.
        Assert.Equal("NotStarted", (await sq01.GetFromJsonAsync<List<TaskRow>>("/api/rectifications"))!.Single(t => t.Id == id).Status);

        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(sq01, id, "%PDF-1.4 台账"u8.ToArray(), "台账.pdf")).StatusCode);
        var submitted = await sq01.PostAsJsonAsync($"/api/rectifications/{id}/progress", new { submit = true });

        Assert.Equal("AwaitingVerification", (await submitted.Content.ReadFromJsonAsync<TaskRow>())!.Status);
        var late = await UploadAsync(sq01, id, Png, "补充.png");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }
}
