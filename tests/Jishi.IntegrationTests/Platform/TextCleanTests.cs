using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;

namespace Jishi.IntegrationTests.Platform;

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
    public async Task Clean_WithoutLogin_401()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/text/clean", new { text = "党建" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
