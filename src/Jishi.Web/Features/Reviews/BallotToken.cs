using System.Security.Cryptography;
using System.Text;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Reviews;

/// <summary>A one-time right to cast one ballot in one voter group. Only the SHA-256 of the token is stored, and nothing
/// records when or by which ballot it was used: the token cannot be joined to a ballot.</summary>
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

    public static string HashOf(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim().ToUpperInvariant())));
}
