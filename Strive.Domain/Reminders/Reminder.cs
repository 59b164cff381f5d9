using Strive.Domain.Common;

namespace Strive.Domain.Reminders;

/// <summary>A person's own nudge about a goal; nobody else sees it (docs/api/API.md "Reminders").</summary>
public sealed class Reminder
{
    public const int DescriptionMaxLength = 500;
    public const int TimeZoneMaxLength = 100;
    public const int MaxPerPersonPerGoal = 20;

    private Reminder() { } // EF Core

    internal Reminder(string goalId, string userId, ReminderSchedule schedule, string description, DateTimeOffset now)
    {
        Id = Ids.New();
        GoalId = goalId;
        UserId = userId;
        Description = description;
        CreatedAt = now;
        Apply(schedule, now);
    }

    public string Id { get; private set; } = "";

    public string GoalId { get; private set; } = "";

    public string UserId { get; private set; } = "";

    public string Description { get; private set; } = "";

    public ReminderInterval Interval { get; private set; }

    /// <summary>The first occurrence, as an instant; the local time of day repeats in <see cref="TimeZone"/>.</summary>
    public DateTimeOffset At { get; private set; }

    public string TimeZone { get; private set; } = "UTC";

    /// <summary>The next occurrence; null once a "never" reminder has fired.</summary>
    public DateTimeOffset? NextAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The job key of this reminder's next firing (one job row per reminder, rescheduled each time).</summary>
    public string JobKey => JobKeyOf(Id);

    public static string JobKeyOf(string reminderId) => "reminder:" + reminderId;

    internal void Describe(string description, DateTimeOffset now)
    {
        Description = description;
        UpdatedAt = now;
    }

    /// <summary>
    /// A new schedule: the next occurrence is the first at or after now (a "never" reminder whose time has gone
    /// fires at once, so it is not silently lost).
    /// </summary>
    internal void Apply(ReminderSchedule schedule, DateTimeOffset now)
    {
        Interval = schedule.Interval;
        At = Dates.TruncateToMilliseconds(schedule.At.ToUniversalTime());
        TimeZone = schedule.Zone.Id;
        NextAt = Interval == ReminderInterval.Never || At >= now
            ? At
            : Recurrence.NextAfter(At, schedule.Zone, Interval, now.AddTicks(-1));
        UpdatedAt = now;
    }

    /// <summary>Fired at <paramref name="now"/>: the next occurrence after now, so missed ones fire once, not each.</summary>
    internal void Fired(DateTimeOffset now)
    {
        NextAt = Recurrence.TryFindZone(TimeZone, out var zone)
            ? Recurrence.NextAfter(At, zone, Interval, now)
            : null;
    }
}

/// <summary>When a reminder fires: its first occurrence, interval and zone, checked.</summary>
public sealed record ReminderSchedule(DateTimeOffset At, ReminderInterval Interval, TimeZoneInfo Zone);
