namespace Strive.Domain.Reminders;

/// <summary>How often a reminder repeats (docs/api/API.md "Reminders").</summary>
public enum ReminderInterval
{
    Never,
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    Yearly,
}
