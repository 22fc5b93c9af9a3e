using Jishi.Web.Shared;

namespace Jishi.Web.Features.Reviews;

/// <summary>One staff member's keying of a paper ballot, waiting for a second, independent keying by someone else. It
/// lives only until the ballot is accepted (deleted in the ballot's own transaction, <see cref="BallotWriter"/>) or the
/// entries of the token are discarded. Not audited: the audit log would keep the link between token and ratings that
/// the accepted ballot must not have.</summary>
[NotAudited]
public sealed class PaperEntry
{
    private PaperEntry() { }

    public PaperEntry(int campaignId, long tokenId, string enteredBy, IEnumerable<(int SubjectId, int DimensionId, Grade Grade)> ratings)
    {
        CampaignId = campaignId;
        TokenId = tokenId;
        EnteredBy = enteredBy;
        Ratings = Encode(ratings);
    }

    public long Id { get; private set; }
    public int CampaignId { get; private set; }
    public long TokenId { get; private set; }

    /// <summary>The user name of the staff member who keyed it: the second keying must be someone else's.</summary>
    public string EnteredBy { get; private set; } = "";

    /// <summary>"subjectId.dimensionId:grade" items ordered by subject and dimension, e.g. "12.0:0,13.0:2" (dimension 0:
    /// the overall grade): two keyings agree exactly when the strings are equal.</summary>
    public string Ratings { get; private set; } = "";

    public static string Encode(IEnumerable<(int SubjectId, int DimensionId, Grade Grade)> ratings) =>
        string.Join(",", ratings.OrderBy(r => r.SubjectId).ThenBy(r => r.DimensionId).Select(r => $"{r.SubjectId}.{r.DimensionId}:{(int)r.Grade}"));

    public IReadOnlyDictionary<(int SubjectId, int DimensionId), Grade> Decode() =>
        Ratings.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split(':', '.'))
            .ToDictionary(p => (Number(p[0]), Number(p[1])), p => (Grade)Number(p[2]));

    private static int Number(string digits) => int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
}
