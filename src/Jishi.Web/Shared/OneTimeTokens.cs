using System.Globalization;
using Jishi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Shared;

/// <summary>Spends one-time ballot tokens (述职评议's and 民主评议党员's): one conditional update, inside the caller's
/// transaction, that returns the ids it spent. A token already used (by another batch, another server or a paper keying) is
/// not among them, so one token never yields two ballots.</summary>
public static class OneTimeTokens
{
    /// <param name="table">The token table (EF's default name, see the migrations): an id column "Id" and a flag "Used".</param>
    public static async Task<HashSet<long>> SpendAsync(JishiDbContext db, string table, List<long> tokenIds, CancellationToken ct)
    {
        if (tokenIds.Count == 0)
        {
            return [];
        }
        var placeholders = string.Join(", ", tokenIds.Select((_, i) => "{" + i.ToString(CultureInfo.InvariantCulture) + "}"));
        var sql = $"UPDATE \"{table}\" SET \"Used\" = TRUE WHERE \"Id\" IN ({placeholders}) AND NOT \"Used\" RETURNING \"Id\" AS \"Value\"";
        return (await db.Database.SqlQueryRaw<long>(sql, tokenIds.Cast<object>().ToArray()).ToListAsync(ct)).ToHashSet();
    }
}
