using Jishi.Web.Shared;

namespace Jishi.Web.Features.Reviews;

/// <summary>A holder of one share of a campaign's ballot key (监票人), or the server itself when the campaign has no trustees
/// (ADR-015). The server keeps the public share and its proof of knowledge; a person's secret share is shown to them once
/// and never stored; the server's own secret is kept only until the tally.</summary>
[NotAudited]
public sealed class ReviewTrustee
{
    public const int MaxNameLength = 50;

    private ReviewTrustee() { }

    internal ReviewTrustee(string name, byte[] publicShare, string? serverSecret)
    {
        Name = name.Trim();
        PublicShare = publicShare;
        ServerSecret = serverSecret;
    }

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>The public share (a curve point) with the Schnorr proof that whoever made it knows its secret
    /// (<see cref="Sealing.PublicShare"/>), bound to <see cref="SealedBallot.TrusteeContext"/>.</summary>
    public byte[] PublicShare { get; private set; } = [];

    /// <summary>The secret share's text when the server holds the key (no trustees named); null for a person, and destroyed at the tally.</summary>
    public string? ServerSecret { get; private set; }

    /// <summary>The server's own share: it has no name.</summary>
    public bool IsServer => Name.Length == 0;

    internal void DestroySecret() => ServerSecret = null;
}
