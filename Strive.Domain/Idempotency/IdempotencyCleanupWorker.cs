using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Strive.Domain.Idempotency;

public sealed class IdempotencyOptions
{
    public const string SectionName = "Api:Idempotency";

    /// <summary>How often expired keys are removed (a claim also frees an expired key it meets).</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Removes expired idempotency keys on a timer driven by the injected <see cref="TimeProvider"/>.</summary>
public sealed class IdempotencyCleanupWorker(
    IdempotencyStore store,
    IOptions<IdempotencyOptions> options,
    TimeProvider clock,
    ILogger<IdempotencyCleanupWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CleanupInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var removed = await store.DeleteExpiredAsync(stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Removed {Count} expired idempotency keys", removed);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One failed sweep (database briefly away) must not stop the worker.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "Removing expired idempotency keys failed; retrying at the next tick");
            }
        }
    }
}
