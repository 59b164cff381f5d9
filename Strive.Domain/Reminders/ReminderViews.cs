namespace Strive.Domain.Reminders;

public sealed record ReminderView(
    string Id,
    string GoalId,
    string Description,
    ReminderInterval Interval,
    DateTimeOffset At,
    string TimeZone,
    DateTimeOffset? NextAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    internal static ReminderView From(Reminder r) =>
        new(r.Id, r.GoalId, r.Description, r.Interval, r.At, r.TimeZone, r.NextAt, r.CreatedAt, r.UpdatedAt);
}

/// <summary>A new reminder as the caller gave it; <see cref="TimeZone"/> is checked by the service.</summary>
public sealed record NewReminder(string? Description, DateTimeOffset? At, ReminderInterval Interval = ReminderInterval.Weekly,
    string TimeZone = "UTC");

/// <summary>A partial update: only the fields given change.</summary>
public sealed record ReminderChanges
{
    public Common.Optional<string?> Description { get; init; }

    public Common.Optional<ReminderInterval> Interval { get; init; }

    public Common.Optional<DateTimeOffset?> At { get; init; }

    public Common.Optional<string?> TimeZone { get; init; }

    public bool IsEmpty => !Description.HasValue && !Interval.HasValue && !At.HasValue && !TimeZone.HasValue;
}
