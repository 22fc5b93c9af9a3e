using System.Text;
using Jishi.Web.Features.Reviews.Sealing;

namespace Jishi.UnitTests.Features.Reviews.Sealing;

/// <summary>Keys and contexts shared by the sealing tests.</summary>
internal static class SealingTestData
{
    public const int Grades = 4;

    public static byte[] Context(string text) => Encoding.UTF8.GetBytes(text);

    public static (TrusteeShare[] Shares, PublicShare[] Public, JointKey Key) Trustees(int count)
    {
        var shares = Enumerable.Range(0, count).Select(_ => TrusteeShare.Create()).ToArray();
        var publicShares = shares.Select((s, i) => s.Prove(Context($"campaign 7 trustee {i}"))).ToArray();
        return (shares, publicShares, JointKey.Combine(publicShares));
    }
}
