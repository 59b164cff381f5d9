using System.Globalization;

namespace Strive.Web.Client.Components.Time;

/// <summary>
/// The one way pages say a date or a time, as the person reading them would: event times (created,
/// last used, activity) on the reader's clock, deadlines as the calendar date that was picked. The
/// reader's zone comes from their browser (<see cref="ReaderTimeZone"/>); components receive this as
/// a cascading value, so they render again when the zone becomes known.
/// </summary>
/// <remarks>
/// Why deadlines are not converted: a deadline is a date, not a moment. The date pickers send the
/// chosen day and the API stores it as the end of that day in UTC (docs/api/API.md, "A deadline is a
/// date"), so the UTC calendar date of the stored value is the day the person picked. Converting the
/// stored moment would move it: "31 Mar" would read "1 Apr" in Auckland and a reader in Los Angeles
/// would see it overdue at 17:00 on the 31st. So a deadline shows the picked date everywhere, and
/// "overdue", "due today" and "days left" compare that date with today's date on the reader's
/// clock, like an all-day event in a calendar: due 31 Mar means until the 31st ends where you are.
/// </remarks>
public sealed class ReaderClock(TimeProvider time, TimeZoneInfo zone, CultureInfo? culture = null)
{
    private static readonly CultureInfo Words = CultureInfo.InvariantCulture;

    public TimeZoneInfo Zone => zone;

    /// <summary>The reader's locale (their browser's language), for reading typed dates (<see cref="DateInput"/>).</summary>
    public CultureInfo Culture { get; } = culture ?? CultureInfo.GetCultureInfo("en-GB");

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Today's date where the reader is.</summary>
    public DateOnly Today => DayOf(Now);

    /// <summary>A moment as the reader's wall clock shows it.</summary>
    public DateTimeOffset InZone(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, zone);

    /// <summary>The reader's calendar date of a moment.</summary>
    public DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(InZone(moment).DateTime);

    /// <summary>"3 Mar 2026": the reader's date of a moment.</summary>
    public string Date(DateTimeOffset moment) => InZone(moment).ToString("d MMM yyyy", Words);

    /// <summary>"3 Mar 2026, 14:05 (UTC+13)": a moment on the reader's clock, saying which clock.</summary>
    public string DateTime(DateTimeOffset moment)
    {
        var local = InZone(moment);
        return $"{local.ToString("d MMM yyyy, HH:mm", Words)} ({Offset(local.Offset)})";
    }

    /// <summary>"just now", "5 minutes ago", "3 hours ago", "yesterday", "3 days ago", or "on 3 Mar 2026".</summary>
    public string Ago(DateTimeOffset moment)
    {
        var ago = Now - moment;
        if (ago.TotalDays < 1)
        {
            return ago switch
            {
                { TotalMinutes: < 1 } => "just now",
                { TotalMinutes: < 2 } => "a minute ago",
                { TotalHours: < 1 } => $"{(int)ago.TotalMinutes} minutes ago",
                { TotalHours: < 2 } => "an hour ago",
                _ => $"{(int)ago.TotalHours} hours ago",
            };
        }

        var days = Today.DayNumber - DayOf(moment).DayNumber;
        return days switch
        {
            <= 1 => "yesterday",
            < 7 => $"{days} days ago",
            _ => $"on {Date(moment)}",
        };
    }

    /// <summary>"within the hour", "in 3 hours", "tomorrow", "in 5 days": how long until a moment.</summary>
    public string Until(DateTimeOffset moment)
    {
        var left = moment - Now;
        return left switch
        {
            { TotalHours: < 1 } => "within the hour",
            { TotalHours: < 2 } => "in an hour",
            { TotalDays: < 1 } => $"in {(int)left.TotalHours} hours",
            { TotalDays: < 2 } => "tomorrow",
            _ => $"in {(int)left.TotalDays} days",
        };
    }

    /// <summary>The date a deadline was set to: the UTC calendar date of the stored end of day (see remarks).</summary>
    public static DateOnly DeadlineDay(DateTimeOffset deadline) => DateOnly.FromDateTime(deadline.UtcDateTime);

    /// <summary>"31 Mar 2026": a deadline as the date that was picked, the same in every zone.</summary>
    public static string Deadline(DateTimeOffset deadline) => DeadlineDay(deadline).ToString("d MMM yyyy", Words);

    /// <summary>What a date picker shows for a stored deadline.</summary>
    public static DateTime? DeadlineForPicker(DateTimeOffset? deadline) =>
        deadline is { } d ? DeadlineDay(d).ToDateTime(TimeOnly.MinValue) : null;

    /// <summary>What a date picker's day is sent as; the service keeps it as the end of that day in UTC.</summary>
    public static DateTimeOffset? DeadlineFromPicker(DateTime? day) =>
        day is { } d ? new DateTimeOffset(d.Date, TimeSpan.Zero) : null;

    /// <summary>Days from the reader's today to the deadline's date: 0 is due today, negative is overdue.</summary>
    public int DaysLeft(DateTimeOffset deadline) => DeadlineDay(deadline).DayNumber - Today.DayNumber;

    /// <summary>"due in 3 days", "due tomorrow", "due today", "overdue by 1 day": the deadline on the reader's calendar.</summary>
    public string Due(DateTimeOffset deadline) => DaysLeft(deadline) switch
    {
        0 => "due today",
        1 => "due tomorrow",
        -1 => "overdue by 1 day",
        < 0 and var late => $"overdue by {-late} days",
        var days => $"due in {days} days",
    };

    /// <summary>True once the deadline's date is over on the reader's calendar.</summary>
    public bool IsOverdue(DateTimeOffset deadline) => DaysLeft(deadline) < 0;

    private static string Offset(TimeSpan offset)
    {
        if (offset == TimeSpan.Zero)
        {
            return "UTC";
        }

        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        return abs.Minutes == 0 ? $"UTC{sign}{abs.Hours}" : $"UTC{sign}{abs.Hours}:{abs.Minutes:00}";
    }
}
