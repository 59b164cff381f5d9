using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Strive.Domain.Goals;

public sealed class GoalErasureOptions
{
    public const string SectionName = "GoalErasure";

    /// <summary>How often the worker looks for deleted goals whose restore window has passed.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>Runs <see cref="GoalErasureService"/> on a timer driven by the injected <see cref="TimeProvider"/>.</summary>
public sealed class GoalErasureWorker(
    GoalErasureService erasure,
    IOptions<GoalErasureOptions> options,
    TimeProvider clock,
    ILogger<GoalErasureWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScanInterval, clock);
        do
        {
            try
            {
                var erased = await erasure.EraseExpiredAsync(stoppingToken);
                if (erased > 0)
                {
                    logger.LogInformation("Erased {Count} goals deleted more than 30 days ago", erased);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One failed scan (database briefly away) must not stop the worker.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "Erasing deleted goals failed; retrying at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
