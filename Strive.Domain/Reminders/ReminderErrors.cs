using Strive.Domain.Common;

namespace Strive.Domain.Reminders;

/// <summary>Every refusal about a reminder: the documented API message, the field, a code and a sentence for people.</summary>
public static class ReminderErrors
{
    public static readonly DomainError NotFound = DomainError.Define(ErrorKind.NotFound,
        "reminder.not_found", null,
        "Reminder not found",
        "That reminder no longer exists.");

    public static readonly DomainError IntervalInvalid = DomainError.Define(ErrorKind.Invalid,
        "reminder.interval_invalid", "interval",
        "interval must be one of: never, daily, weekly, monthly, quarterly, yearly",
        "Choose how often the reminder repeats.");

    public static readonly DomainError TimeZoneInvalid = DomainError.Define(ErrorKind.Invalid,
        "reminder.time_zone_invalid", "timeZone",
        "timeZone must be an IANA time zone",
        "Choose a time zone from the list, such as Europe/Amsterdam.");

    public static readonly DomainError AtInvalid = DomainError.Define(ErrorKind.Invalid,
        "reminder.at_invalid", "at",
        "at is required and must be an ISO 8601 time",
        "Choose the date and time of the first reminder.");

    public static readonly DomainError DescriptionRequired = DomainError.Define(ErrorKind.Invalid,
        "reminder.description_required", "description",
        "description is required and must be a string",
        "Say what the reminder is for.");

    public static readonly DomainError DescriptionTooLong = DomainError.Define(ErrorKind.Invalid,
        "reminder.description_too_long", "description",
        $"description must be at most {Reminder.DescriptionMaxLength} characters",
        $"Keep the reminder to {Reminder.DescriptionMaxLength:N0} characters or fewer.");

    public static readonly DomainError DescriptionControlCharacters = DomainError.Define(ErrorKind.Invalid,
        "reminder.description_control_characters", "description",
        "description must not contain control characters",
        "The reminder contains characters that can't be shown. Retype it, or paste it as plain text.");

    public static readonly DomainError TooMany = DomainError.Define(ErrorKind.Invalid,
        "reminder.too_many", null,
        $"A person has at most {Reminder.MaxPerPersonPerGoal} reminders per goal",
        $"You have {Reminder.MaxPerPersonPerGoal} reminders for this goal already. Delete one to add another.");
}
