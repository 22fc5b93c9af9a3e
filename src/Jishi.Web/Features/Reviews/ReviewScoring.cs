namespace Jishi.Web.Features.Reviews;

/// <summary>The review's scoring rules, to the letter of API.md: per subject and voter group the mean value of that
/// group's ballots for the subject (a ballot's value being its grade's value, or with rating dimensions the mean of its
/// dimension values); the ballot score is the mean of the group means weighted by group weight over the groups that cast at
/// least one ballot; composite = ballot × ballotWeight + daily × (1 − ballotWeight), or the ballot score while no daily
/// score is set; bands from the scale (a veto forces 差); ranks by composite, highest first, ties sharing a rank.</summary>
public static class ReviewScoring
{
    public sealed record SubjectInput(int SubjectId, double? DailyScore, bool Veto);

    public sealed record GroupInput(int VoterGroupId, double Weight);

    /// <summary>How many ratings of <see cref="Grade"/> a voter group gave a subject on one dimension
    /// (<see cref="ReviewDimension.Overall"/> when the campaign has none).</summary>
    public sealed record Count(int SubjectId, int VoterGroupId, Grade Grade, int N, int DimensionId = ReviewDimension.Overall);

    public sealed record Score(int SubjectId, IReadOnlyDictionary<Grade, int> Counts, double BallotScore, double? DailyScore,
        double CompositeScore, bool Provisional, Grade Band, int Rank);

    public static IReadOnlyList<Score> Compute(IReadOnlyList<SubjectInput> subjects, IReadOnlyList<GroupInput> groups,
        IReadOnlyList<Count> counts, ReviewScale scale, double ballotWeight)
    {
        var weights = groups.ToDictionary(g => g.VoterGroupId, g => g.Weight);
        var scores = subjects.Select(s =>
        {
            var mine = counts.Where(c => c.SubjectId == s.SubjectId && c.N > 0).ToList();
            double weighted = 0, weightSum = 0;
            foreach (var group in mine.GroupBy(c => c.VoterGroupId))
            {
                // The mean of the group's ballot values, from counts alone. Without dimensions a ballot's value is its
                // one grade's value. With D dimensions a ballot b's value is (1/D)·Σ_d v(b,d), and every ballot rates
                // every dimension (CastBallot refuses any other), so the group's N ballots give exactly N·D ratings and
                // (1/N)·Σ_b (1/D)·Σ_d v(b,d) = (1/(N·D))·Σ_b Σ_d v(b,d) = (1/D)·Σ_d (1/N)·Σ_b v(b,d):
                // the mean of the ballot values is the plain mean of all the group's ratings (and the mean over
                // dimensions of the per-dimension means), which the per-dimension tallies give without reading a ballot.
                var n = group.Sum(c => c.N);
                var mean = group.Sum(c => c.N * scale.ValueOf(c.Grade)) / n;
                var w = weights.GetValueOrDefault(group.Key);
                weighted += mean * w;
                weightSum += w;
            }
            var ballot = weightSum > 0 ? weighted / weightSum : 0;
            var composite = s.DailyScore is { } daily ? ballot * ballotWeight + daily * (1 - ballotWeight) : ballot;
            var perGrade = Enum.GetValues<Grade>().ToDictionary(g => g, g => mine.Where(c => c.Grade == g).Sum(c => c.N));
            return new Score(s.SubjectId, perGrade, ballot, s.DailyScore, composite, s.DailyScore is null,
                s.Veto ? Grade.Poor : scale.BandOf(composite), 0);
        }).ToList();
        return Rank(scores);
    }

    /// <summary>Competition ranking (1, 2, 2, 4). Scores equal to 9 decimals tie, so that floating-point noise from
    /// different summation orders never splits a real tie.</summary>
    private static List<Score> Rank(List<Score> scores)
    {
        var ordered = scores.OrderByDescending(s => s.CompositeScore).ToList();
        var ranked = new List<Score>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && Math.Round(ordered[i].CompositeScore, 9) == Math.Round(ordered[i - 1].CompositeScore, 9)
                ? ranked[i - 1].Rank
                : i + 1;
            ranked.Add(ordered[i] with { Rank = rank });
        }
        return ranked;
    }

    /// <summary>Display and export rounding: half away from zero, two decimals. Through decimal, so that a score printed
    /// as 82.125 rounds to 82.13 although its binary double is a hair below.</summary>
    public static double Round(double value) => (double)Math.Round((decimal)value, 2, MidpointRounding.AwayFromZero);
}
