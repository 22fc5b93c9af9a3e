using Jishi.Web.Shared;

namespace Jishi.Web.Features.MemberEvaluation;

public static class EvaluationErrors
{
    public static readonly Error NotFound = Error.NotFound("Entity.Evaluation");
    public static readonly Error ParticipantNotFound = Error.NotFound("Entity.EvaluationParticipant");
    public static Error WrongState(EvaluationStatus status, string action) =>
        Error.Conflict("Evaluation.WrongState", "Evaluation.Status." + status, action);
    public static readonly Error UnknownToken = Error.NotFound("Entity.Token");
    public static readonly Error TokenUsed = Error.Conflict("Review.TokenUsed");
    public static readonly Error NotOpen = Error.Conflict("Evaluation.NotOpen");
}
