using Microsoft.Extensions.Options;
using Strive.Domain.Jobs;

namespace Strive.Domain.Deadlines;

public sealed class DeadlineOptions
{
    public const string SectionName = "Deadlines";

    /// <summary>How often the deadlines are scanned.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// The deadline scan as a recurring job of the shared claim mechanism: one row, claimed by one instance per
/// interval; a scan that fails is retried after the queue's back-off, and one whose instance died runs again
/// once its lease runs out. What the scan records is claimed per milestone besides (<see cref="DeadlineService"/>).
/// </summary>
public sealed class DeadlineScanJob(DeadlineService deadlines, IOptions<DeadlineOptions> options, TimeProvider clock)
    : IRecurringJobHandler
{
    public const string JobKind = "deadlines.scan";

    public string Kind => JobKind;

    public TimeSpan Lease => TimeSpan.FromMinutes(2);

    public async Task HandleAsync(JobRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await deadlines.ScanAsync(cancellationToken);
        await run.RescheduleAsync(clock.GetUtcNow() + options.Value.ScanInterval, cancellationToken);
    }
}
