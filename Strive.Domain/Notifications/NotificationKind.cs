namespace Strive.Domain.Notifications;

/// <summary>What a notification is about (docs/api/API.md "Notifications, email and calendars").</summary>
public enum NotificationKind
{
    MilestoneCompleted,
    MilestoneFailed,
    DeadlineApproaching,
    DeadlinePassed,
    SupportPledged,
    DecisionNeeded,
    DecisionMade,
    Post,
    Joined,
    Reminder,
    WebhookDisabled,
}
