using Jishi.Web.Shared;

namespace Jishi.Web.Features.Reviews;

public static class ReviewErrors
{
    public static Error WrongState(ReviewStatus status, string action) => Error.Conflict("Review.WrongState", "Review.Status." + status, action);
    public static readonly Error UnknownToken = Error.NotFound("Entity.Token");
    public static readonly Error TokenUsed = Error.Conflict("Review.TokenUsed");
    public static readonly Error NotOpen = Error.Conflict("Review.NotOpen");
    public static readonly Error NoResultsYet = Error.Conflict("Review.NoResultsYet");
    public static readonly Error NotPublished = Error.Conflict("Hall.Receipts.NotPublished");
}
