using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Strive.Web.Data;

public static class DatabaseStartup
{
    /// <summary>
    /// Applies migrations (unless Database:MigrateOnStartup is false) and, on SQLite, switches the
    /// file to WAL so readers never wait for the writer.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services,
        CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StriveHostDbContext>();

        if (db.Database.IsSqlite())
        {
            try
            {
                // journal_mode is stored in the file, so once is enough; it must run outside a transaction.
                await db.Database.OpenConnectionAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                await db.Database.CloseConnectionAsync();
            }
            catch (SqliteException ex) when (!options.MigrateOnStartup)
            {
                // Without migrate-on-start the app still comes up; GET /status reports the database as down.
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup))
                    .LogError(ex, "The SQLite database could not be opened");
            }
        }

        if (options.MigrateOnStartup)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
    }
}
