namespace Jishi.Web.Features.Reviews;

/// <summary>A class of evaluators (评议人类别) with its weight in the ballot score and the number of people in it.</summary>
public sealed class VoterGroup
{
    private VoterGroup() { }

    internal VoterGroup(string name, double weight, int headCount)
    {
        if (weight <= 0 || headCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(weight));
        }
        Name = name.Trim();
        Weight = weight;
        HeadCount = headCount;
    }

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public string Name { get; private set; } = "";
    public double Weight { get; private set; }
    public int HeadCount { get; private set; }
}
