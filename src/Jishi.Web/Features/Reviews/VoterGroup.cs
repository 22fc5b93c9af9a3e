namespace Jishi.Web.Features.Reviews;

/// <summary>A class of evaluators (评议人类别) with its weight in the ballot score and the number of people in it.</summary>
public sealed class VoterGroup
{
    public const int MaxNameLength = 50;

    private VoterGroup() { }

    internal VoterGroup(string name, double weight, int headCount) => Change(name, weight, headCount);

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public string Name { get; private set; } = "";
    public double Weight { get; private set; }
    public int HeadCount { get; private set; }

    /// <summary>A group needs a name (at most <see cref="MaxNameLength"/> characters), a positive weight and a head count of
    /// at least 0.</summary>
    public static bool IsValid(string? name, double weight, int headCount) =>
        !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= MaxNameLength && weight > 0 && double.IsFinite(weight) && headCount >= 0;

    internal void Change(string name, double weight, int headCount)
    {
        if (!IsValid(name, weight, headCount))
        {
            throw new ArgumentOutOfRangeException(nameof(weight));
        }
        Name = name.Trim();
        Weight = weight;
        HeadCount = headCount;
    }
}

/// <summary>A voter group as a draft's edit form gives it: <see cref="Id"/> of the group it changes, or null for a new one.</summary>
public sealed record VoterGroupEdit(int? Id, string? Name, double Weight, int HeadCount);
