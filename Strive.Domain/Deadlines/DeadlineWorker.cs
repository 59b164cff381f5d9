using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Strive.Domain.Deadlines;

public sealed class DeadlineOptions
{
    public const string SectionName = "Deadlines";

    /// <summary>How often the worker looks for passed deadlines.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Runs <see cref="DeadlineService"/> on a timer driven by the injected <see cref="TimeProvider"/>.</summary>
public sealed class DeadlineWorker(
    DeadlineService deadlines,
    IOptions<DeadlineOptions> options,
    TimeProvider clock,
    ILogger<DeadlineWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScanInterval, clock);
        do
        {
            try
            {
                var recorded = await deadlines.RecordPassedDeadlinesAsync(stoppingToken);
                if (recorded > 0)
                {
                    logger.LogInformation("Recorded {Count} passed milestone deadlines", recorded);
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
                logger.LogError(ex, "Scanning for passed deadlines failed; retrying at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
