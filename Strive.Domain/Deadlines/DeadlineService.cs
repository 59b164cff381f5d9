using Microsoft.EntityFrameworkCore;
using Strive.Domain.Common;
using Strive.Domain.Events;
using Strive.Domain.Milestones;
using Strive.Domain.Persistence;

namespace Strive.Domain.Deadlines;

/// <summary>
/// Records one "deadline passed" event for each live, pending milestone whose deadline has gone by.
/// Each event is claimed with a conditional update, so two app instances scanning the same database
/// never both record it.
/// </summary>
public sealed class DeadlineService(
    IDbContextFactory<StriveDbContext> contexts,
    IGoalChangeNotifier notifier,
    TimeProvider clock)
{
    private const int BatchSize = 200;

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
