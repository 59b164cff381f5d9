using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Strive.Domain.Jobs;

public sealed class JobOptions
{
    public const string SectionName = "Jobs";

    /// <summary>How often the runner looks for due jobs.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many jobs of one kind one look claims.</summary>
    public int BatchSize { get; set; } = 50;
}

/// <summary>
/// Claims and runs the due jobs of every registered <see cref="IJobHandler"/>, on a timer of the injected
/// <see cref="TimeProvider"/>. Every instance runs one; the claim decides which of them runs a job.
/// </summary>
public sealed class JobRunner(
    JobClaims queue,
    IEnumerable<IJobHandler> handlers,
    IOptions<JobOptions> options,
    TimeProvider clock,
    ILogger<JobRunner> logger) : BackgroundService
{
    private readonly IReadOnlyList<IJobHandler> _handlers = [.. handlers];
    private bool _ensured;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                await RunDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The database briefly away must not stop the runner: the next tick tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "Claiming due jobs failed; retrying at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Queues each recurring handler's own job unless it is there (a database away at start: next tick).</summary>
    public async Task EnsureRecurringAsync(CancellationToken cancellationToken = default)
    {
        foreach (var handler in _handlers.OfType<IRecurringJobHandler>())
        {
            try
            {
                await queue.EnsureRecurringAsync(handler.Kind, cancellationToken);
            }
#pragma warning disable CA1031 // Startup goes on; the runner's loop tries again.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "Could not queue the recurring job {Kind}", handler.Kind);
            }
        }
    }

    /// <summary>Runs every job due now, kind by kind, until none is left; returns how many ran.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var ran = 0;
        if (!_ensured)
        {
            await EnsureRecurringAsync(cancellationToken);
            _ensured = true;
        }

        foreach (var handler in _handlers)
        {
            IReadOnlyList<ClaimedJob> batch;
            do
            {
                batch = await queue.ClaimAsync(handler.Kind, handler.Lease, options.Value.BatchSize, cancellationToken);
                foreach (var job in batch)
                {
                    await RunAsync(handler, job, cancellationToken);
                    ran++;
                }
            }
            while (batch.Count > 0);
        }

        return ran;
    }

    private async Task RunAsync(IJobHandler handler, ClaimedJob job, CancellationToken cancellationToken)
    {
        var run = new JobRun(queue, job);
        try
        {
            await handler.HandleAsync(run, cancellationToken);
            if (!run.Finished)
            {
                await queue.CompleteAsync(job, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure of one job is recorded on it and retried; the others still run.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Job {Key} failed (attempt {Attempt}); retrying after {Backoff}", job.Key,
                job.Attempts, JobClaims.Backoff(job.Attempts));
            await queue.FailAsync(job, ex.Message, CancellationToken.None);
        }
    }
}
