using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Jishi.Web.Shared;

/// <summary>A query compiled once per EF model. <c>EF.CompileAsyncQuery</c> binds a query to the first model it runs with
/// and refuses any other, and one process may hold several models (the tests start many hosts, and on PostgreSQL each
/// host's data source gives it a model of its own); compiling per model keeps the saving on the hot paths without that.</summary>
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    public TQuery For(DbContext db) => _byModel.GetValue(db.Model, _ => compile());
}
