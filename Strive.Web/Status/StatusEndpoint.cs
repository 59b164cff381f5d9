using Microsoft.EntityFrameworkCore;
using Strive.Domain.Persistence;
using Strive.Web.ScaleOut;

namespace Strive.Web.Status;

public static class StatusEndpoint
{
    /// <summary>
    /// GET /status: 200 when the database answers a real query (and Redis a PING, when configured), 503
    /// when either does not. Names the instance, so an operator behind a load balancer sees which answered.
    /// </summary>
    public static IEndpointRouteBuilder MapStatusEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/status", GetStatusAsync).ExcludeFromDescription().AllowAnonymous();
        return endpoints;
    }

    internal static async Task<IResult> GetStatusAsync(IDbContextFactory<StriveDbContext> contexts,
        TimeProvider clock, ILoggerFactory loggers, InstanceInfo instance, IServiceProvider services,
        CancellationToken cancellationToken)
    {
        var timestamp = clock.GetUtcNow();
        var databaseUp = await DatabaseAnswersAsync(contexts, loggers, cancellationToken);
        // Only there when Redis:Configuration is set (ScaleOutExtensions).
        var redis = services.GetService<RedisConnection>();
        bool? redisUp = redis is null ? null : await redis.IsAvailableAsync();
        var redisState = redisUp switch { null => "not configured", true => "ok", false => "unavailable" };
        if (databaseUp && redisUp != false)
        {
            return Results.Json(new { status = "ok", timestamp, instance = instance.Name, redis = redisState });
        }

        var error = databaseUp ? "Redis unavailable" : "Database unavailable";
        return Results.Json(
            new { status = "unavailable", timestamp, error, instance = instance.Name,
                database = databaseUp ? "ok" : "unavailable", redis = redisState },
            statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<bool> DatabaseAnswersAsync(IDbContextFactory<StriveDbContext> contexts,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            // A query against a real table: opening a SQLite connection alone succeeds on a broken file.
            _ = await db.Users.AsNoTracking().AnyAsync(cancellationToken);
            return true;
        }
#pragma warning disable CA1031 // Any failure to reach the database is what this endpoint reports.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            loggers.CreateLogger(typeof(StatusEndpoint)).LogWarning(ex, "Status check could not reach the database");
            return false;
        }
    }
}
