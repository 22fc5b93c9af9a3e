using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Excel;

namespace Jishi.Web.Features.Members;

/// <summary>The member who already holds an ID number someone enters or imports. Whoever sees that member (the street
/// admin, a secretary of the member's own unit) learns who it is and is offered a transfer; anyone else learns only that
/// the number cannot be used here, in words that are the same whoever holds it, so a roster outside one's scope does
/// not leak who is a party member elsewhere.</summary>
public sealed record IdNumberHolder(int MemberId, string Name, string UnitName, string UnitPath)
{
    public const string HeldInScope = "Roster.IdNumberHeldInScope";
    public const string Unavailable = "Roster.IdNumberUnavailable";

    /// <summary>The key of the transfer offer in a refusal's data.</summary>
    public const string TransferKey = "transfer";

    public FieldProblem Problem(string callerScope) => Covers(callerScope)
        ? new FieldProblem("idNumber", HeldInScope, Name, UnitName, MemberId)
        : new FieldProblem("idNumber", Unavailable);

    /// <summary>The transfer to offer (POST /api/members/{id}/transfer), only to a caller who sees the holder.</summary>
    public TransferOffer? Offer(string callerScope) => Covers(callerScope) ? new TransferOffer(MemberId, Name, UnitName) : null;

    private bool Covers(string callerScope) => UnitScope.Sees(callerScope, UnitPath);
}

