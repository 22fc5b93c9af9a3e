using System.Security.Cryptography;
using System.Text;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Reviews;

/// <summary>Which campaign a printed code belongs to, kept after the close so that a late voter hears "voting has ended"
/// (409) rather than "unknown code" (404), as API.md has it. Written once when the codes are issued, in an order of its own,
/// and never touched by a ballot: it holds no spent flag, and nothing ties it to the code's <see cref="BallotToken"/> row,
/// whose HMAC key dies at the close (ADR-015). Whoever holds a card learns only the campaign, which the card says anyway.</summary>
[NotAudited]
public sealed class BallotCodeCheck
{
    private BallotCodeCheck() { }

    public BallotCodeCheck(int campaignId, string code)
    {
        Id = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8)) & long.MaxValue;
        CampaignId = campaignId;
        Check = CheckOf(code);
    }

    public long Id { get; private set; }
    public int CampaignId { get; private set; }
    public string Check { get; private set; } = "";

    public static string CheckOf(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("jishi/ballot-code/" + code.Trim().ToUpperInvariant())));
}
