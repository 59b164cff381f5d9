using Microsoft.EntityFrameworkCore;
using Strive.Domain.Common;
using Strive.Domain.Persistence;

namespace Strive.Domain.Jobs;

/// <summary>
/// The one claim mechanism for work that must happen once (docs/decisions/012-once-only-work-in-a-job-table.md).
/// Every write to a claimed row is conditional on its lease, so a holder whose lease ran out changes nothing.
/// </summary>
public sealed class JobClaims(IDbContextFactory<StriveDbContext> contexts, TimeProvider clock)
{
    /// <summary>The first retry waits this long; each further failure doubles it, up to <see cref="MaxBackoff"/>.</summary>
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(10);

    /// <summary>Short enough that a mail held back while SMTP was away goes out within minutes of its return.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(2);

    /// <summary>Who claims: unique per process, so a restarted instance never mistakes an old lease for its own.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Ids.New()[..8]}";

    /// <summary>
    /// Queues the job in <paramref name="db"/> (saved with the caller's change), or, when one with this key exists,
    /// makes it due at <paramref name="dueAt"/> again: the same work is never queued twice.
    /// </summary>
    public static async Task ScheduleAsync(StriveDbContext db, string kind, string key, DateTimeOffset dueAt,
        string? payload, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var existing = db.Jobs.Local.FirstOrDefault(j => j.Key == key)
            ?? await db.Jobs.FirstOrDefaultAsync(j => j.Key == key, cancellationToken);
        if (existing is null)
        {
            db.Jobs.Add(new Job(kind, key, dueAt, payload, now));
        }
        else
        {
            existing.Reschedule(dueAt, payload);
        }
    }

    /// <summary>Drops the job with this key (a deleted reminder), with the caller's change.</summary>
    public static Task CancelAsync(StriveDbContext db, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Jobs.Where(j => j.Key == key).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> due jobs of <paramref name="kind"/> that no live lease holds. Each claim
    /// is one conditional UPDATE: of two instances racing for a row, the database lets exactly one match it.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedJob>> ClaimAsync(string kind, TimeSpan lease, int max,
        CancellationToken cancellationToken)
    {
        var now = clock.Now();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var candidates = await db.Jobs.AsNoTracking()
            .Where(j => j.Kind == kind && j.DoneAt == null && j.DueAt <= now
                && (j.LeaseExpiresAt == null || j.LeaseExpiresAt <= now))
            .OrderBy(j => j.DueAt)
            .Take(max)
            .ToListAsync(cancellationToken);

        var claimed = new List<ClaimedJob>(candidates.Count);
        foreach (var job in candidates)
        {
            var owner = $"{InstanceId}:{Ids.New()[..8]}";
            var won = await db.Jobs
                .Where(j => j.Id == job.Id && j.DoneAt == null && j.DueAt <= now
                    && (j.LeaseExpiresAt == null || j.LeaseExpiresAt <= now))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(j => j.LeaseOwner, owner)
                    .SetProperty(j => j.LeaseExpiresAt, now + lease)
                    .SetProperty(j => j.Attempts, j => j.Attempts + 1), cancellationToken);
            if (won == 1)
            {
                claimed.Add(new ClaimedJob(job.Id, job.Kind, job.Key, job.Payload, job.DueAt, job.Attempts + 1, owner));
            }
        }

        return claimed;
    }

    internal async Task<bool> CompleteAsync(StriveDbContext db, ClaimedJob job, DateTimeOffset? nextDueAt,
        CancellationToken cancellationToken)
    {
        var now = clock.Now();
        var rows = db.Jobs.Where(j => j.Id == job.Id && j.LeaseOwner == job.LeaseOwner);
        var updated = nextDueAt is { } next
            ? await rows.ExecuteUpdateAsync(u => u
                .SetProperty(j => j.DueAt, next)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null)
                .SetProperty(j => j.Attempts, 0)
                .SetProperty(j => j.LastError, (string?)null), cancellationToken)
            : await rows.ExecuteUpdateAsync(u => u
                .SetProperty(j => j.DoneAt, now)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null)
                .SetProperty(j => j.LastError, (string?)null), cancellationToken);
        return updated == 1;
    }

    /// <summary>Frees the job to be retried after the back-off for its attempts so far.</summary>
    public async Task FailAsync(ClaimedJob job, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var retryAt = clock.Now() + Backoff(job.Attempts);
        var message = TextRules.Shorten(error, Job.ErrorMaxLength);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Jobs.Where(j => j.Id == job.Id && j.LeaseOwner == job.LeaseOwner)
            .ExecuteUpdateAsync(u => u
                .SetProperty(j => j.DueAt, retryAt)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null)
                .SetProperty(j => j.LastError, message), cancellationToken);
    }

    internal async Task<bool> RescheduleAsync(ClaimedJob job, DateTimeOffset nextDueAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await CompleteAsync(db, job, nextDueAt, cancellationToken);
    }

    /// <summary>
    /// Queues a recurring job (its key is its kind) due now unless it exists. Two instances starting together may
    /// both try: the unique key lets one insert, and the other's failure means the row is there.
    /// </summary>
    public async Task EnsureRecurringAsync(string kind, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Jobs.AnyAsync(j => j.Key == kind, cancellationToken))
        {
            return;
        }

        var now = clock.Now();
        db.Jobs.Add(new Job(kind, kind, now, null, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance queued it first, unless the row is still missing: then the failure was something else.
            db.ChangeTracker.Clear();
            if (!await db.Jobs.AsNoTracking().AnyAsync(j => j.Key == kind, cancellationToken))
            {
                throw;
            }
        }
    }

    /// <summary>Marks done a job its handler left unfinished (an effect outside the database, already made).</summary>
    internal async Task<bool> CompleteAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await CompleteAsync(db, job, null, cancellationToken);
    }

    public static TimeSpan Backoff(int attempts)
    {
        var doubled = FirstBackoff * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        return doubled < MaxBackoff ? doubled : MaxBackoff;
    }
}
