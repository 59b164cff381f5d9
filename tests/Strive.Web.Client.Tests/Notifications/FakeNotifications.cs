using Strive.Domain.Events;
using Strive.Domain.Notifications;
using Strive.Domain.Reminders;

namespace Strive.Web.Client.Tests.Notifications;

/// <summary>Notifications and the change bus in memory, behind the domain interfaces the bell and the list use.</summary>
public sealed class FakeNotifications : INotificationService, IGoalChangeNotifier
{
    private readonly List<(string GoalId, Func<GoalChange, Task> OnChange)> _subscribers = [];
    private readonly List<(string UserId, NotificationView View)> _items = [];

    public List<string> WatchedGoals { get; } = [];

    public void Add(string userId, string goalId, string text) =>
        _items.Add((userId, new NotificationView($"n{_items.Count}", NotificationKind.DecisionNeeded, goalId, "m1", text,
            DateTimeOffset.UtcNow, false)));

    public Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_items.Count(i => i.UserId == userId && !i.View.IsRead));

    public Task<NotificationPage> ListAsync(string userId, string? before, int limit,
        CancellationToken cancellationToken = default) =>
        Task.FromResult(new NotificationPage([.. _items.Where(i => i.UserId == userId).Select(i => i.View).Reverse()], false));

    public Task MarkReadAsync(string userId, string notificationId, CancellationToken cancellationToken = default)
    {
        var index = _items.FindIndex(i => i.View.Id == notificationId && i.UserId == userId);
        if (index >= 0)
        {
            _items[index] = (userId, _items[index].View with { IsRead = true });
        }

        return Task.CompletedTask;
    }

    public Task MarkAllReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        foreach (var item in _items.Where(i => i.UserId == userId).ToList())
        {
            MarkReadAsync(userId, item.View.Id, cancellationToken);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> WatchedGoalsAsync(string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([.. WatchedGoals]);

    public IDisposable Subscribe(string goalId, Func<GoalChange, Task> onChange)
    {
        var entry = (goalId, onChange);
        _subscribers.Add(entry);
        return new Unsubscribe(() => _subscribers.Remove(entry));
    }

    public void Publish(GoalChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        foreach (var (goalId, onChange) in _subscribers.Where(s => s.GoalId == change.GoalId).ToList())
        {
            _ = onChange(change);
        }
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}

/// <summary>No reminders: for pages whose tests are about something else.</summary>
public sealed class NoReminders : IReminderService
{
    public Task<Strive.Domain.Common.Result<IReadOnlyList<ReminderView>>> ListAsync(string actorId, string goalId,
        CancellationToken cancellationToken = default) =>
        Task.FromResult(Strive.Domain.Common.Result<IReadOnlyList<ReminderView>>.Success([]));

    public Task<Strive.Domain.Common.Result<ReminderView>> GetAsync(string actorId, string goalId, string reminderId,
        CancellationToken cancellationToken = default) =>
        Task.FromResult<Strive.Domain.Common.Result<ReminderView>>(ReminderErrors.NotFound);

    public Task<Strive.Domain.Common.Result<ReminderView>> CreateAsync(string actorId, string goalId, NewReminder reminder,
        CancellationToken cancellationToken = default) =>
        Task.FromResult<Strive.Domain.Common.Result<ReminderView>>(ReminderErrors.TooMany);

    public Task<Strive.Domain.Common.Result<ReminderView>> UpdateAsync(string actorId, string goalId, string reminderId,
        ReminderChanges changes, CancellationToken cancellationToken = default) =>
        Task.FromResult<Strive.Domain.Common.Result<ReminderView>>(ReminderErrors.NotFound);

    public Task<Strive.Domain.Common.Result<string>> DeleteAsync(string actorId, string goalId, string reminderId,
        CancellationToken cancellationToken = default) =>
        Task.FromResult<Strive.Domain.Common.Result<string>>(ReminderErrors.NotFound);
}
