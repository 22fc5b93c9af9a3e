using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Shared;

namespace Jishi.IntegrationTests.Abuse;

/// <summary>The request body limit (Jishi:MaxRequestBodyMegabytes, 25 MB by default): over it, 413 with a Chinese
/// ProblemDetails whether the body declares its length or comes in chunks, on an upload and on a JSON endpoint; the largest
/// legitimate upload (a 20 MB roster) is still read. The test server enforces no limit of its own, so this proves the
/// application's check.</summary>
[Trait(Suites.Key, Suites.Abuse)]
[Collection(AbuseCollection.Name)]
public sealed class BodyLimitTests(JishiFactory factory)
{
    private const long Limit = InputLimits.DefaultMaxBodyMegabytes * 1024L * 1024L;

    /// <summary>A body of <paramref name="length"/> bytes of <paramref name="fill"/>, sent in chunks when its length is not declared.</summary>
    private sealed class Body(long length, byte fill, bool declared, string contentType) : HttpContent
    {
        private readonly long _length = length;

        public Body Typed()
        {
            Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            return this;
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var block = new byte[64 * 1024];
            Array.Fill(block, fill);
            for (var left = _length; left > 0; left -= block.Length)
            {
                await stream.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, left)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _length;
            return declared;
        }
    }

    public static TheoryData<string, bool, string> Cases => new()
    {
        { "/api/members/import", true, "multipart/form-data; boundary=x" },
        { "/api/members/import", false, "multipart/form-data; boundary=x" },
        { "/api/members", true, "application/json" },
        { "/api/members", false, "application/json" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Post_OverTheLimit_413InChinese(string path, bool declared, string contentType)
    {
        var client = await factory.ClientForAsync("admin");

        using var response = await client.PostAsync(path, new Body(Limit + 1024, (byte)' ', declared, contentType).Typed());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("上传的文件太大", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("超过 25 MB", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Post_LargestLegitimateUpload_ReadNot413()
    {
        var client = await factory.ClientForAsync("admin");
        using var form = new MultipartFormDataContent();
        form.Add(new Body(20L * 1024 * 1024 - 4096, (byte)'x', true, "application/octet-stream").Typed(), "file", "roster.xlsx");

        using var response = await client.PostAsync("/api/members/import", form);

        // Read to the end and refused for what it is (not a workbook), not for its size.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
