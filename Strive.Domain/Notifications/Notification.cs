using Strive.Domain.Common;

namespace Strive.Domain.Notifications;

/// <summary>
/// Something that happened on a goal, told to one person. Written in the transaction of the change that caused
/// it (<see cref="NotificationPlanner"/>), so none is lost and none tells of a change that rolled back.
/// </summary>
public sealed class Notification
{
    public const int TextMaxLength = 300;

    private Notification() { } // EF Core

    public Notification(string userId, NotificationKind kind, string goalId, string? milestoneId, string? actorId,
        string text, DateTimeOffset now)
    {
        Id = Ids.New();
        UserId = userId;
        Kind = kind;
        GoalId = goalId;
        MilestoneId = milestoneId;
        ActorId = actorId;
        Text = TextRules.Shorten(text, TextMaxLength);
        CreatedAt = now;
    }

    public string Id { get; private set; } = "";

    /// <summary>Who is told.</summary>
    public string UserId { get; private set; } = "";

    public NotificationKind Kind { get; private set; }

    public string GoalId { get; private set; } = "";

    public string? MilestoneId { get; private set; }

    /// <summary>Who did it; null for the system (a deadline, a reminder).</summary>
    public string? ActorId { get; private set; }

    public string Text { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }
}
