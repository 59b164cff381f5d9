using Strive.Domain.Persistence;

namespace Strive.Domain.Jobs;

/// <summary>One claimed job being run: what it is, and how its handler finishes it under its lease.</summary>
public sealed class JobRun(JobClaims queue, ClaimedJob job)
{
    public ClaimedJob Job { get; } = job;

    internal bool Finished { get; private set; }

    /// <summary>
    /// Marks the job done, or due again at <paramref name="nextDueAt"/> (a recurring job), through
    /// <paramref name="db"/> so it commits or rolls back with the handler's effect. False when the lease was lost
    /// (it ran out and another instance took the job): the handler must then roll back and do nothing.
    /// </summary>
    public async Task<bool> CompleteAsync(StriveDbContext db, DateTimeOffset? nextDueAt = null,
        CancellationToken cancellationToken = default)
    {
        var completed = await queue.CompleteAsync(db, Job, nextDueAt, cancellationToken);
        Finished |= completed;
        return completed;
    }

    /// <summary>A recurring job's own end: due again at <paramref name="nextDueAt"/>, outside any transaction.</summary>
    public async Task<bool> RescheduleAsync(DateTimeOffset nextDueAt, CancellationToken cancellationToken = default)
    {
        var completed = await queue.RescheduleAsync(Job, nextDueAt, cancellationToken);
        Finished |= completed;
        return completed;
    }
}

/// <summary>A job as its claim found it: <see cref="LeaseOwner"/> fences every later write to the row.</summary>
public sealed record ClaimedJob(string Id, string Kind, string Key, string? Payload, DateTimeOffset DueAt, int Attempts,
    string LeaseOwner);
