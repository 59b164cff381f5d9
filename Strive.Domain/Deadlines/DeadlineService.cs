using Microsoft.EntityFrameworkCore;
using Strive.Domain.Common;
using Strive.Domain.Events;
using Strive.Domain.Milestones;
using Strive.Domain.Notifications;
using Strive.Domain.Persistence;

namespace Strive.Domain.Deadlines;

/// <summary>
/// Records one "deadline passed" event for each live, pending milestone whose deadline has gone by, and tells
/// achievers once when a deadline is 24 hours away. Each is claimed with a conditional update of the milestone
/// (its marker column flips from null), so two app instances scanning the same database never both record it.
/// The scan itself runs as a recurring job (<see cref="DeadlineScanJob"/>), so usually only one instance scans.
/// </summary>
public sealed class DeadlineService(
    IDbContextFactory<StriveDbContext> contexts,
    IGoalChangeNotifier notifier,
    TimeProvider clock)
{
    private const int BatchSize = 200;

    public static readonly TimeSpan ApproachingLead = TimeSpan.FromHours(24);

    /// <summary>Both scans; returns how many milestones were recorded or announced.</summary>
    public async Task<int> ScanAsync(CancellationToken cancellationToken = default) =>
        await RecordApproachingDeadlinesAsync(cancellationToken) + await RecordPassedDeadlinesAsync(cancellationToken);

    /// <summary>Tells the achievers of each pending milestone whose deadline is within 24 hours, once per deadline.</summary>
    public async Task<int> RecordApproachingDeadlinesAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.Now();
        var soon = now + ApproachingLead;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await db.Milestones.AsNoTracking()
            .Where(m => m.DeletedAt == null && m.Status == MilestoneStatus.Pending && m.DeadlineApproachingAt == null
                && m.DeadlinePassedAt == null && m.Deadline != null && m.Deadline < soon && m.Deadline >= now)
            .OrderBy(m => m.Deadline)
            .Select(m => new { m.Id, m.GoalId, m.Content, m.Deadline })
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var recorded = 0;
        foreach (var milestone in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Milestones
                .Where(m => m.Id == milestone.Id && m.DeadlineApproachingAt == null && m.DeletedAt == null
                    && m.Status == MilestoneStatus.Pending && m.Deadline == milestone.Deadline)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.DeadlineApproachingAt, now), cancellationToken);
            if (claimed == 1)
            {
                await Notify.DeadlineApproachingAsync(db, milestone.GoalId, milestone.Id, milestone.Content, now,
                    cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                recorded++;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return recorded;
    }

    /// <returns>How many events this call recorded.</returns>
    public async Task<int> RecordPassedDeadlinesAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.Now();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await db.Milestones.AsNoTracking()
            .Where(m => m.DeletedAt == null && m.Status == MilestoneStatus.Pending && m.DeadlinePassedAt == null
                && m.Deadline != null && m.Deadline < now)
            .OrderBy(m => m.Deadline)
            .Select(m => new { m.Id, m.GoalId, m.Content, m.Deadline })
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var recorded = 0;
        foreach (var milestone in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The claim: only the writer that flips DeadlinePassedAt from null records the event, and
            // only while the milestone is still pending, live and due for this very deadline.
            var claimed = await db.Milestones
                .Where(m => m.Id == milestone.Id && m.DeadlinePassedAt == null && m.DeletedAt == null
                    && m.Status == MilestoneStatus.Pending && m.Deadline == milestone.Deadline)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.DeadlinePassedAt, now), cancellationToken);
            if (claimed == 1)
            {
                db.GoalEvents.Add(new GoalEvent(milestone.GoalId, GoalEventType.MilestoneDeadlinePassed, null,
                    milestone.Id, milestone.Content, now));
                await db.SaveChangesAsync(cancellationToken);
                recorded++;
            }

            await transaction.CommitAsync(cancellationToken);
            if (claimed == 1)
            {
                notifier.Publish(new GoalChange(milestone.GoalId, null, null));
            }
        }

        return recorded;
    }
}
