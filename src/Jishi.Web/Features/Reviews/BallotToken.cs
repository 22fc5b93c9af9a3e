using System.Security.Cryptography;
using System.Text;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Reviews;

/// <summary>A one-time right to cast one ballot in one voter group. Only an HMAC of the token under the campaign's token
/// key is stored (<see cref="HashOf(byte[], string)"/>), and nothing records when or by which ballot it was used; the key
/// dies at the close, so afterwards a printed code no longer finds its row (ADR-015).</summary>
[NotAudited]
public sealed class BallotToken
{
    private BallotToken() { }

    public BallotToken(int campaignId, int voterGroupId, string hash)
    {
        CampaignId = campaignId;
        VoterGroupId = voterGroupId;
        Hash = hash;
    }

    public long Id { get; private set; }
    public int CampaignId { get; private set; }
    public int VoterGroupId { get; private set; }
    public string Hash { get; private set; } = "";
    public bool Used { get; private set; }

    // Unambiguous characters only: the token may be typed from a paper card.
    internal const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string NewToken() => RandomNumberGenerator.GetString(Alphabet, 12);

    /// <summary>The unkeyed hash, for 民主评议党员's tokens (EvaluationToken).</summary>
    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Normalized(token)));

    /// <summary>The row name of a 述职评议 token: HMAC-SHA256 under the campaign's <see cref="ReviewCampaign.TokenKey"/>.</summary>
    public static string HashOf(byte[] campaignKey, string token) => Convert.ToHexStringLower(HMACSHA256.HashData(campaignKey, Normalized(token)));

    private static byte[] Normalized(string token) => Encoding.UTF8.GetBytes(token.Trim().ToUpperInvariant());
}
