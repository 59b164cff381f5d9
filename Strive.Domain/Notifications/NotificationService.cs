using Microsoft.EntityFrameworkCore;
using Strive.Domain.Common;
using Strive.Domain.Events;
using Strive.Domain.Persistence;

namespace Strive.Domain.Notifications;

public sealed class NotificationService(
    IDbContextFactory<StriveDbContext> contexts,
    IGoalChangeNotifier notifier,
    TimeProvider clock) : INotificationService
{
    public async Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);
    }

    public async Task<NotificationPage> ListAsync(string userId, string? before, int limit,
        CancellationToken cancellationToken = default)
    {
        limit = Math.Clamp(limit, 1, 100);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        if (before is not null)
        {
            var anchor = await db.Notifications.AsNoTracking().Where(n => n.Id == before && n.UserId == userId)
                .Select(n => new { n.CreatedAt, n.Id }).FirstOrDefaultAsync(cancellationToken);
            if (anchor is not null)
            {
                query = query.Where(n => n.CreatedAt < anchor.CreatedAt
                    || (n.CreatedAt == anchor.CreatedAt && n.Id.CompareTo(anchor.Id) < 0));
            }
        }

        var rows = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(limit + 1)
            .ToListAsync(cancellationToken);
        return new NotificationPage(
            [.. rows.Take(limit).Select(n => new NotificationView(n.Id, n.Kind, n.GoalId, n.MilestoneId, n.Text,
                n.CreatedAt, n.ReadAt is not null))],
            rows.Count > limit);
    }

    public async Task MarkReadAsync(string userId, string notificationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.Now();
        await db.Notifications.Where(n => n.Id == notificationId && n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, now), cancellationToken);
        notifier.Publish(new GoalChange(NotificationChannels.ForUser(userId), userId, null));
    }

    public async Task MarkAllReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.Now();
        await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, now), cancellationToken);
        notifier.Publish(new GoalChange(NotificationChannels.ForUser(userId), userId, null));
    }

    public async Task<IReadOnlyList<string>> WatchedGoalsAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Stakeholders.AsNoTracking().Where(s => s.UserId == userId).Select(s => s.GoalId)
            .ToListAsync(cancellationToken);
    }
}
