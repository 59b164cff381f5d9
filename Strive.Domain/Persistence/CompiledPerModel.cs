using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Strive.Domain.Persistence;

/// <summary>
/// An EF Core compiled query, compiled once for each model it meets. A compiled query refuses to run against a
/// model other than the first one it ran on; the app has one provider per process, but its tests also read the
/// SQL that SQL Server's model generates (SqlServerScriptTests) in a process whose other contexts are SQLite's.
/// </summary>
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    public TQuery For(DbContext db) => _byModel.GetValue(db.Model, _ => compile());
}
