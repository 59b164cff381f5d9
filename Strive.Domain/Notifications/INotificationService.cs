namespace Strive.Domain.Notifications;

/// <summary>A person's own notifications, for the bell and the list in the browser.</summary>
public interface INotificationService
{
    Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Newest first; <paramref name="before"/> (a notification id) gives the page after it.</summary>
    Task<NotificationPage> ListAsync(string userId, string? before, int limit, CancellationToken cancellationToken = default);

    Task MarkReadAsync(string userId, string notificationId, CancellationToken cancellationToken = default);

    Task MarkAllReadAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>The goals whose changes may bring the person a notification: the ones they are a stakeholder of.</summary>
    Task<IReadOnlyList<string>> WatchedGoalsAsync(string userId, CancellationToken cancellationToken = default);
}

public sealed record NotificationView(
    string Id,
    NotificationKind Kind,
    string GoalId,
    string? MilestoneId,
    string Text,
    DateTimeOffset CreatedAt,
    bool IsRead)
{
    /// <summary>Where it happened: the goal's board, scrolled to the milestone when there is one.</summary>
    public string Link => MilestoneId is null ? $"/goals/{GoalId}" : $"/goals/{GoalId}#milestone-{MilestoneId}";
}

public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, bool HasMore);
