using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Shared.Data;

/// <summary>One guarded transition of an entity whose status is a concurrency token (a wish, a pledge): of two requests that
/// both read the same status only the first changes the row; the other reads it again, and its guard then answers for the
/// state it finds.</summary>
public static class GuardedChange
{
    public static Task<Result<T>> ApplyAsync<T>(this DbContext db, string entity, Func<Task<T?>> find, Func<T, string?> whyNot,
        Action<T> change, CancellationToken ct) where T : class =>
        db.ApplyAsync(entity, find, whyNot, row =>
        {
            change(row);
            return Task.CompletedTask;
        }, ct);

    /// <param name="find">Loads the entity, tracked; null answers 404 with <paramref name="entity"/>.</param>
    /// <param name="whyNot">The entity's guard: the error code (409) when the change is not allowed now.</param>
    public static async Task<Result<T>> ApplyAsync<T>(this DbContext db, string entity, Func<Task<T?>> find, Func<T, string?> whyNot,
        Func<T, Task> change, CancellationToken ct) where T : class
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await find() is not { } row)
            {
                return Error.NotFound(entity);
            }
            if (whyNot(row) is { } why)
            {
                return Error.Conflict(why);
            }
            await change(row);
            try
            {
                await db.SaveChangesAsync(ct);
                return row;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
