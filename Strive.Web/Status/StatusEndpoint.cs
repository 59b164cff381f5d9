using Microsoft.EntityFrameworkCore;
using Strive.Domain.Persistence;

namespace Strive.Web.Status;

public static class StatusEndpoint
{
    /// <summary>GET /status: 200 when the database answers a real query, 503 when it does not.</summary>
    public static IEndpointRouteBuilder MapStatusEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/status", GetStatusAsync).ExcludeFromDescription().AllowAnonymous();
        return endpoints;
    }

    internal static async Task<IResult> GetStatusAsync(IDbContextFactory<StriveDbContext> contexts,
        TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var timestamp = clock.GetUtcNow();
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            // A query against a real table: opening a SQLite connection alone succeeds on a broken file.
            _ = await db.Users.AsNoTracking().AnyAsync(cancellationToken);
            return Results.Json(new { status = "ok", timestamp });
        }
#pragma warning disable CA1031 // Any failure to reach the database is what this endpoint reports.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            loggers.CreateLogger(typeof(StatusEndpoint)).LogWarning(ex, "Status check could not reach the database");
            return Results.Json(new { status = "unavailable", timestamp, error = "Database unavailable" },
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
