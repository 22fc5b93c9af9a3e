using System.Globalization;
using Jishi.Web.Data;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Data;
using Jishi.Web.Shared.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Features.Dues;

/// <summary>Records a payment of dues (交纳, 补缴 of past months, 代缴 by another member): the amount must be the months' dues
/// by their years' bases, a month is paid once, and the same request id records one payment however often it arrives.</summary>
public sealed class PayDues(JishiDbContext db, CurrentUser user, TimeProvider clock)
{
    /// <summary>Three years at once is the most a 补缴 sensibly covers.</summary>
    public const int MaxMonths = 36;

    /// <summary>A hundred million yuan: anything above is a typing error.</summary>
    public const long MaxAmountFen = 10_000_000_000;

    public sealed record PaymentRequest(int MemberId, IReadOnlyList<string>? Months, decimal? Amount, DuesMethod? Method, string? RequestId,
        int? PayerMemberId = null);

    /// <summary><paramref name="Created"/> is false when the request id had paid before: the first payment, nothing added.</summary>
    public sealed record PaymentOutcome(DuesPaymentDto Payment, bool Created);

    public async Task<Result<PaymentOutcome>> PayAsync(PaymentRequest r, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        if (!await db.Members.Within(scope).AnyAsync(m => m.Id == r.MemberId, ct))
        {
            return Error.NotFound("Entity.Member");
        }
        var requestId = r.RequestId?.Trim();
        if (string.IsNullOrEmpty(requestId) || requestId.Length > DuesPayment.MaxRequestId)
        {
            return new ValidationError([new("requestId", "Dues.RequestId", DuesPayment.MaxRequestId)]);
        }
        if (await EarlierAsync(requestId, r.MemberId, ct) is { } earlier)
        {
            return earlier;
        }
        if (r.PayerMemberId is { } payer && payer != r.MemberId && !await db.Members.Within(scope).AnyAsync(m => m.Id == payer, ct))
        {
            return Error.NotFound("Entity.Member");
        }
        if (Validate(r, DateOnly.FromDateTime(clock.GetLocalNow().DateTime).Year) is { } invalid)
        {
            return invalid;
        }
        var months = r.Months!.Select(m => DuesMonth.Parse(m)!.Value).Distinct().Order().ToList();
        var years = months.Select(DuesMonth.YearOf).Distinct().ToList();
        var bases = await db.DuesBases.AsNoTracking().Where(b => b.MemberId == r.MemberId && years.Contains(b.Year))
            .ToDictionaryAsync(b => b.Year, b => b.MonthlyDueFen, ct);
        if (years.FirstOrDefault(y => !bases.ContainsKey(y)) is var missing and > 0)
        {
            return new ValidationError([new("months", "Dues.NoBase", missing)]);
        }
        if (await PaidAlreadyAsync(r.MemberId, months, ct) is { } paid)
        {
            // The same request may have paid these months since it was looked for.
            return await EarlierAsync(requestId, r.MemberId, ct) ?? paid;
        }
        var due = months.ToDictionary(m => m, m => bases[DuesMonth.YearOf(m)]);
        if (DuesStandard.FenOf(r.Amount!.Value, MaxAmountFen) != due.Values.Sum())
        {
            return new ValidationError([new("amount", "Dues.AmountMismatch", Yuan(due.Values.Sum()), months.Count)]);
        }
        var payment = DuesPayment.Pay(r.MemberId, r.PayerMemberId, due, r.Method!.Value, requestId, user.UserName ?? "system",
            clock.GetUtcNow().UtcDateTime);
        db.DuesPayments.Add(payment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // The same request (or another paying one of these months) committed first.
            db.ChangeTracker.Clear();
            if (await EarlierAsync(requestId, r.MemberId, ct) is { } first)
            {
                return first;
            }
            return await PaidAlreadyAsync(r.MemberId, months, ct)
                ?? throw new InvalidOperationException("unique violation without a cause", e);
        }
        return new PaymentOutcome(payment.AsDto(), true);
    }

    /// <summary>The checks that need no database: months, amount and method.</summary>
    public static ValidationError? Validate(PaymentRequest r, int currentYear)
    {
        var problems = new List<FieldProblem>();
        var months = r.Months?.Select(DuesMonth.Parse).ToList() ?? [];
        if (months.Count is 0 or > MaxMonths || months.Any(m => m is null)
            || months.Distinct().Count() != months.Count)
        {
            problems.Add(new("months", "Dues.Months", MaxMonths));
        }
        else if (months.Any(m => DuesMonth.YearOf(m!.Value) is < Standings.MinYear || DuesMonth.YearOf(m!.Value) > currentYear))
        {
            problems.Add(new("months", "Dues.MonthsYears", Standings.MinYear, currentYear));
        }
        if (r.Amount is not { } amount || DuesStandard.FenOf(amount, MaxAmountFen) is null or 0)
        {
            problems.Add(new("amount", "Dues.Amount"));
        }
        if (r.Method is not { } method || !Enum.IsDefined(method))
        {
            problems.Add(new("method", "Dues.Method"));
        }
        return problems.Count > 0 ? new ValidationError(problems) : null;
    }

    private static string Yuan(long fen) => DuesStandard.Yuan(fen).ToString("0.00", CultureInfo.InvariantCulture);

    private async Task<Result<PaymentOutcome>?> EarlierAsync(string requestId, int memberId, CancellationToken ct)
    {
        var earlier = await db.DuesPayments.AsNoTracking().FirstOrDefaultAsync(p => p.RequestId == requestId, ct);
        if (earlier is null)
        {
            return null;
        }
        if (earlier.MemberId != memberId)
        {
            return Error.Conflict("Dues.RequestIdUsed", requestId);
        }
        return new PaymentOutcome(earlier.AsDto(), false);
    }

    private async Task<Error?> PaidAlreadyAsync(int memberId, List<int> months, CancellationToken ct)
    {
        var paid = await db.DuesPaidMonths.AsNoTracking().Where(p => p.MemberId == memberId && months.Contains(p.Month))
            .OrderBy(p => p.Month).Select(p => p.Month).ToListAsync(ct);
        return paid.Count == 0 ? null : Error.Conflict("Dues.MonthsPaid", string.Join("、", paid.Select(DuesMonth.Text)));
    }
}
