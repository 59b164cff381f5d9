using Strive.Domain.Goals;
using Strive.Domain.Persistence;

namespace Strive.Domain.Notifications;

/// <summary>The notifications no goal event stands for: the system's own (a deadline near, a reminder).</summary>
internal static class Notify
{
    internal static async Task DeadlineApproachingAsync(StriveDbContext db, string goalId, string milestoneId,
        string content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var title = await NotificationPlanner.TitleAsync(db, goalId, cancellationToken);
        foreach (var userId in await NotificationPlanner.RecipientsAsync(db, goalId, StakeholderRoles.Achiever, null,
            cancellationToken))
        {
            db.Notifications.Add(new Notification(userId, NotificationKind.DeadlineApproaching, goalId, milestoneId, null,
                $"{title}: “{content}” is due within 24 hours", now));
        }
    }

    internal static async Task ReminderAsync(StriveDbContext db, string userId, string goalId, string description,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var title = await NotificationPlanner.TitleAsync(db, goalId, cancellationToken);
        db.Notifications.Add(new Notification(userId, NotificationKind.Reminder, goalId, null, null,
            $"{title}: {description}", now));
    }
}
