using Microsoft.EntityFrameworkCore;
using Strive.Domain.Common;
using Strive.Domain.Events;
using Strive.Domain.Jobs;
using Strive.Domain.Notifications;
using Strive.Domain.Persistence;

namespace Strive.Domain.Reminders;

/// <summary>
/// Fires a due reminder: its notification, its next occurrence and its job's new due time commit in one
/// transaction, under the job's lease, so each occurrence fires exactly once whichever instance claims it, and a
/// long outage fires a missed reminder once (the next occurrence is the first after now, not after the missed one).
/// </summary>
public sealed class ReminderJob(IDbContextFactory<StriveDbContext> contexts, IGoalChangeNotifier notifier,
    TimeProvider clock) : IJobHandler
{
    public const string JobKind = "reminder.fire";

    public string Kind => JobKind;

    public TimeSpan Lease => TimeSpan.FromMinutes(1);

    public async Task HandleAsync(JobRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var now = clock.Now();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var id = run.Job.Key["reminder:".Length..];
        var reminder = await db.Reminders.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (reminder?.NextAt is not { } due)
        {
            await run.CompleteAsync(db, null, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return;
        }

        if (due <= now)
        {
            await Notify.ReminderAsync(db, reminder.UserId, reminder.GoalId, reminder.Description, now, cancellationToken);
            reminder.Fired(now);
            await db.SaveChangesAsync(cancellationToken);
        }

        // Not yet due (edited since it was queued): only the job moves.
        if (!await run.CompleteAsync(db, reminder.NextAt, cancellationToken))
        {
            return; // The lease ran out and another instance holds the job: this firing rolls back.
        }

        await transaction.CommitAsync(cancellationToken);
        notifier.Publish(new GoalChange(NotificationChannels.ForUser(reminder.UserId), null, null));
    }
}
