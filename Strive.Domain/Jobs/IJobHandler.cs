namespace Strive.Domain.Jobs;

/// <summary>
/// Runs the jobs of one <see cref="Kind"/>. A handler whose effect is in the database finishes the job in the
/// same transaction as the effect (<see cref="JobRun.CompleteAsync"/>), so the effect happens exactly once; one
/// whose effect is outside (SMTP) finishes it right after, so a crash in between repeats it (at least once). A
/// handler that returns without finishing leaves it to the runner; one that throws is retried after a back-off.
/// </summary>
public interface IJobHandler
{
    string Kind { get; }

    /// <summary>How long a claim holds: longer than one run can take, short enough to recover from a crash.</summary>
    TimeSpan Lease { get; }

    Task HandleAsync(JobRun run, CancellationToken cancellationToken);
}

/// <summary>A handler with one job of its own that recurs (a scan): the runner queues it at start if missing.</summary>
public interface IRecurringJobHandler : IJobHandler;
