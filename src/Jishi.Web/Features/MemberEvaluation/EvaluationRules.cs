using Jishi.Web.Features.Members;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.MemberEvaluation;

/// <summary>The four grades of 民主评议党员, best first.</summary>
public enum MemberGrade
{
    Excellent = 0,
    Qualified = 1,
    BasicallyQualified = 2,
    Unqualified = 3,
}

/// <summary>What the branch recorded for an 不合格 member after the follow-up period; recorded, not enforced.</summary>
public enum FollowUpOutcome
{
    Corrected = 0,
    PersuadedToLeave = 1,
    Expelled = 2,
}

/// <summary>The rules of 民主评议党员, in one place and without a database: who is graded, when the vote counts, and how
/// many 优秀 a branch may decide.</summary>
public static class EvaluationRules
{
    /// <summary>Full members in good standing are graded; probationary members (预备党员) take part but are not graded.</summary>
    public static bool IsGraded(MemberCategory category, MemberStatus status) =>
        category == MemberCategory.Full && status == MemberStatus.Active;

    /// <summary>The vote is valid only when more than half of the eligible voters cast a ballot.</summary>
    public static bool QuorumMet(int ballotsCast, int eligibleVoters) => eligibleVoters > 0 && ballotsCast * 2 > eligibleVoters;

    /// <summary>The fewest ballots that make the vote valid.</summary>
    public static int Quorum(int eligibleVoters) => eligibleVoters / 2 + 1;

    /// <summary>优秀 for at most one third of the graded members, rounded down.</summary>
    public static int MaxExcellent(int graded) => graded / 3;

    /// <summary>Why a decision cannot stand: a graded member without a grade, or more 优秀 than the cap.</summary>
    public static List<FieldProblem> CheckDecision(IReadOnlyCollection<int> graded, IReadOnlyDictionary<int, MemberGrade> grades)
    {
        var problems = new List<FieldProblem>();
        var missing = graded.Count(id => !grades.ContainsKey(id));
        if (missing > 0)
        {
            problems.Add(new("grades", "Evaluation.GradesMissing", missing));
        }
        if (grades.Keys.Any(id => !graded.Contains(id)))
        {
            problems.Add(new("grades", "Evaluation.NotGraded"));
        }
        var excellent = grades.Count(g => graded.Contains(g.Key) && g.Value == MemberGrade.Excellent);
        if (excellent > MaxExcellent(graded.Count))
        {
            problems.Add(new("grades", "Evaluation.TooManyExcellent", excellent, graded.Count, MaxExcellent(graded.Count)));
        }
        return problems;
    }
}
