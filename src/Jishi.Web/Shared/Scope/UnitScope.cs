using System.Linq.Expressions;
using System.Reflection;
using Jishi.Web.Data;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Shared.Scope;

/// <summary>The one place where "inside the caller's subtree" is spelled out; everything else goes through it.
/// A scope is a unit's materialized path ("/1/5/"), every path ends in "/", so a prefix match never takes "/1/52/" for a
/// unit under "/1/5/"; a caller without a unit has the scope "-", which no path starts with.</summary>
public static class UnitScope
{
    private static readonly MethodInfo StartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly MethodInfo SeesMethod = typeof(UnitScope).GetMethod(nameof(Sees))!;

    /// <summary>True when the unit at <paramref name="path"/> lies in the subtree at <paramref name="scopePath"/>.</summary>
    public static bool Sees(string scopePath, string path) => path.StartsWith(scopePath, StringComparison.Ordinal);

    /// <summary>The rows of <paramref name="query"/> whose unit path (chosen by <paramref name="path"/>) lies in the
    /// subtree at <paramref name="scopePath"/>: a prefix match EF translates on SQLite and PostgreSQL, the scope a
    /// query parameter.</summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> query, string scopePath, Expression<Func<T, string>> path)
    {
        Expression<Func<string>> scope = () => scopePath;
        return query.Where(Expression.Lambda<Func<T, bool>>(Prefix(path.Body, scope.Body), path.Parameters));
    }

    public static IQueryable<Unit> Within(this IQueryable<Unit> units, string scopePath) =>
        units.VisibleTo(scopePath, u => u.Path);

    /// <summary>The members of the subtree at <paramref name="scopePath"/>.</summary>
    public static IQueryable<Member> Within(this IQueryable<Member> members, string scopePath) =>
        members.VisibleTo(scopePath, m => m.Unit!.Path);

    /// <summary>A query to compile (EF.CompileAsyncQuery) whose scope is one of its parameters, so that
    /// <see cref="Within(IQueryable{Unit}, string)"/> cannot be called in it: write <see cref="Sees"/> there, and this
    /// turns each such call into the same prefix match.</summary>
    public static Expression<Func<TContext, T1, T2, CancellationToken, TResult>> Translatable<TContext, T1, T2, TResult>(
        Expression<Func<TContext, T1, T2, CancellationToken, TResult>> query) =>
        (Expression<Func<TContext, T1, T2, CancellationToken, TResult>>)new SeesToPrefix().Visit(query);

    /// <summary>The unit with <paramref name="id"/> when the caller may see it; otherwise null (answered as 404).</summary>
    public static async Task<Unit?> FindVisibleUnitAsync(this JishiDbContext db, CurrentUser user, int id, CancellationToken ct)
    {
        var scope = await user.ScopePathAsync(ct);
        return await db.Units.Within(scope).FirstOrDefaultAsync(u => u.Id == id, ct);
    }

    /// <summary>The path of <paramref name="unitId"/> when the caller sees it, or without a unit the caller's own scope;
    /// null for an unknown or foreign unit (answered as 404).</summary>
    public static async Task<string?> ScopeOfAsync(this JishiDbContext db, CurrentUser user, int? unitId, CancellationToken ct) =>
        unitId is { } id ? (await db.FindVisibleUnitAsync(user, id, ct))?.Path : await user.ScopePathAsync(ct);

    private static MethodCallExpression Prefix(Expression path, Expression scopePath) => Expression.Call(path, StartsWith, scopePath);

    private sealed class SeesToPrefix : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node) => node.Method == SeesMethod
            ? Prefix(Visit(node.Arguments[1]), Visit(node.Arguments[0]))
            : base.VisitMethodCall(node);
    }
}
