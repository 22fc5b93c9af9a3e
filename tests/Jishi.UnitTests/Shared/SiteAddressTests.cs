using System.Net;
using Jishi.Web.Shared;

namespace Jishi.UnitTests.Shared;

public sealed class SiteAddressTests
{
    [Theory]
    [InlineData("192.168.1.23", true)]
    [InlineData("10.4.0.1", true)]
    [InlineData("172.20.3.4", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("203.0.113.5", false)]
    public void IsPrivate_Ipv4_Rfc1918Ranges(string address, bool expected) =>
        Assert.Equal(expected, SiteAddress.IsPrivate(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://192.168.1.23:5080", false)]
    public void IsLoopback_Address_TrueOnlyForThisMachine(string url, bool expected) => Assert.Equal(expected, SiteAddress.IsLoopback(url));

    [Theory]
    [InlineData("http://192.168.1.23:5080", "192.168.1.23:5080/b/ABCD23456789")]
    [InlineData("https://dj.example.cn", "https://dj.example.cn/b/ABCD23456789")]
    public void ShortUrl_Address_TypeableWithoutHttp(string baseUrl, string expected) =>
        Assert.Equal(expected, Jishi.Web.Features.Reviews.BallotLinks.ShortUrl(baseUrl, "ABCD23456789"));
}
