using Jishi.Web.Data;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Data;
using Jishi.Web.Shared.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Dues;

/// <summary>Reverses a wrong payment: a reversing payment of the opposite amount is appended and its months are unpaid again.</summary>
public sealed class ReverseDuesPayment(JishiDbContext db, CurrentUser user, TimeProvider clock)
{
    public sealed record ReverseRequest(string? Reason);

    public async Task<Result<DuesPaymentDto>> ReverseAsync(long id, ReverseRequest r, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        var payment = await db.DuesPayments
            .FirstOrDefaultAsync(p => p.Id == id && db.Members.Within(scope).Any(m => m.Id == p.MemberId), ct);
        if (payment is null)
        {
            return Error.NotFound("Entity.DuesPayment");
        }
        var reason = r.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > DuesPayment.MaxReason)
        {
            return new ValidationError([new("reason", "Dues.Reason", DuesPayment.MaxReason)]);
        }
        if (payment.WhyNotReversible(await db.DuesPayments.AnyAsync(p => p.ReversalOf == id, ct)) is { } refused)
        {
            return refused;
        }
        var reversal = payment.Reverse(reason, user.UserName ?? "system", clock.GetUtcNow().UtcDateTime);
        db.DuesPayments.Add(reversal);
        db.DuesPaidMonths.RemoveRange(await db.DuesPaidMonths.Where(m => m.PaymentId == id).ToListAsync(ct));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return Error.Conflict("Dues.AlreadyReversed", id);
        }
        return reversal.AsDto();
    }
}
