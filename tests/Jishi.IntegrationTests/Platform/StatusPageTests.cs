using System.Net;
using System.Net.Http.Headers;
using Jishi.IntegrationTests.Infrastructure;

namespace Jishi.IntegrationTests.Platform;

[Collection(ApiCollection.Name)]
public sealed class StatusPageTests(JishiFactory factory)
{
    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/ballot/")]
    [InlineData("/wish/t/")]
    public async Task UnknownAddress_Browser_GetsChinesePageWithWayHome(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        var response = await factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("页面不存在", body);
        Assert.Contains("<a href=\"/\">返回首页</a>", body);
    }

    [Fact]
    public async Task UnknownAddress_Api_KeepsProblemDetailsJson()
    {
        var client = await factory.ClientForAsync("admin");
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/no-such-thing");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("未找到", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownAddress_AcceptsJson_KeepsProblemDetailsJson()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var response = await factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Favicon_Anonymous_ServedAsIcon()
    {
        var response = await factory.CreateClient().GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]);
    }
}
