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

    /// <summary>A voter group with fewer ballots than this in the whole campaign is not broken out anywhere (results,
    /// screen, sheets, Excel): with four voters or fewer, a group's counts would tell who rated how. Its ballots still
    /// count in the overall figures and the score.</summary>
    public const int MinBallotsToBreakOut = 5;

    /// <summary>One voter group's part in a subject's ratings; <see cref="Counts"/> and <see cref="Mean"/> are null when
    /// the group is not broken out (<see cref="MinBallotsToBreakOut"/>), <see cref="Mean"/> also when it gave no rating.</summary>
    public sealed record GroupPart(int VoterGroupId, int Ballots, bool BrokenOut, IReadOnlyDictionary<Grade, int>? Counts, double? Mean);

    /// <summary>Per voter group (in the order given) the subject's counts per grade and the group mean, under the
    /// <see cref="MinBallotsToBreakOut"/> rule; <paramref name="ballots"/> is the number of ballots each group cast in
    /// the campaign.</summary>
    public static IReadOnlyList<GroupPart> BreakDown(int subjectId, IReadOnlyList<GroupInput> groups, IReadOnlyDictionary<int, int> ballots,
        IReadOnlyList<Count> counts, ReviewScale scale) => groups.Select(g =>
    {
        var cast = ballots.GetValueOrDefault(g.VoterGroupId);
        if (cast < MinBallotsToBreakOut)
        {
            return new GroupPart(g.VoterGroupId, cast, false, null, null);
        }
        var mine = counts.Where(c => c.SubjectId == subjectId && c.VoterGroupId == g.VoterGroupId && c.N > 0).ToList();
        var n = mine.Sum(c => c.N);
        return new GroupPart(g.VoterGroupId, cast, true,
            Enum.GetValues<Grade>().ToDictionary(grade => grade, grade => mine.Where(c => c.Grade == grade).Sum(c => c.N)),
            n > 0 ? mine.Sum(c => c.N * scale.ValueOf(c.Grade)) / n : null);
    }).ToList();

    /// <summary>好评率: the share (0–1) of 好 and 较好 among all of a subject's ratings; null when it has none.</summary>
    public static double? FavourableRate(IReadOnlyDictionary<Grade, int> counts)
    {
        var total = counts.Values.Sum();
        return total == 0 ? null : (double)(counts.GetValueOrDefault(Grade.Good) + counts.GetValueOrDefault(Grade.FairlyGood)) / total;
    }

    /// <summary>Display and export rounding: half away from zero, two decimals. Through decimal, so that a score printed
    /// as 82.125 rounds to 82.13 although its binary double is a hair below.</summary>
    public static double Round(double value) => (double)Math.Round((decimal)value, 2, MidpointRounding.AwayFromZero);
}
