using Jishi.Web.Shared;

namespace Jishi.Web.Features.Reviews;

/// <summary>How many ratings of one grade one voter group has given one subject on one dimension (or overall): what the
/// results read. Written once, at the close, by decrypting the sum of the sealed ballots (<see cref="CloseReview"/>), with
/// that sum and the trustees' partial decryptions beside it so anyone can check the count (ADR-015); nothing counts up while
/// voting is open.</summary>
[NotAudited]
public sealed class BallotTally
{
    private BallotTally() { }

    public BallotTally(int campaignId, int subjectId, int voterGroupId, int dimensionId, Grade grade, int count = 0)
    {
        DimensionId = dimensionId;
        Count = count;
        CampaignId = campaignId;
        SubjectId = subjectId;
        VoterGroupId = voterGroupId;
        Grade = grade;
    }

    public int CampaignId { get; private set; }
    public int SubjectId { get; private set; }
    public int VoterGroupId { get; private set; }

    /// <summary>The <see cref="ReviewDimension"/> counted, or <see cref="ReviewDimension.Overall"/> without dimensions.</summary>
    public int DimensionId { get; private set; }

    public Grade Grade { get; private set; }
    public int Count { get; private set; }

    /// <summary>The homomorphic sum of the ratings' ciphertexts for this grade (<see cref="Sealing.Ciphertext"/>); null for
    /// campaigns tallied before ballots were sealed.</summary>
    public byte[]? Sum { get; init; }

    /// <summary>Each trustee's <see cref="Sealing.PartialDecryption"/> of <see cref="Sum"/>, in trustee id order; empty when
    /// the group cast no ballot.</summary>
    public byte[]? Decryptions { get; init; }
}
