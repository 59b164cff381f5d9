using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Strive.Web.Data;

/// <summary>
/// <c>PRAGMA synchronous=NORMAL</c> on every SQLite connection: with the WAL journal (DatabaseStartup) a
/// commit then no longer waits for the disk to flush, only checkpoints do. A committed write survives the
/// app crashing; only a power loss or OS crash can lose the last commits, never corrupt the file. Without it
/// each commit cost a flush (about 10 ms on this machine's disk), which capped writes near 100 a second.
/// </summary>
internal sealed class SqliteDurability : DbConnectionInterceptor
{
    /// <summary>One instance: EF Core builds its internal services per distinct set of interceptors.</summary>
    public static readonly SqliteDurability Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
