using Strive.Domain.Common;

namespace Strive.Domain.Reminders;

/// <summary>
/// A reminder's occurrences, computed in its IANA zone: the n-th is the first one's local date and time moved by
/// n intervals, then turned into an instant, so 19:00 stays 19:00 across daylight-saving changes. Months are added
/// to the first occurrence each time (never to the previous one), so a reminder on the 31st fires on the 30th in
/// April and on the 31st again in May; 29 February fires on 28 February in other years. A local time that a
/// spring change skips moves forward by the gap (02:30 becomes 03:30); one that an autumn change repeats is its
/// first, earlier, instant.
/// </summary>
public static class Recurrence
{
    /// <summary>The zone for an IANA name ("UTC" included); false for anything else, Windows names too.</summary>
    public static bool TryFindZone(string? name, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(name) || name.Length > Reminder.TimeZoneMaxLength || name != name.Trim())
        {
            return false;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(name, out var found) || !found.HasIanaId)
        {
            return false;
        }

        zone = found;
        return true;
    }

    /// <summary>The <paramref name="n"/>-th occurrence (0 is the first, <paramref name="first"/> itself).</summary>
    public static DateTimeOffset Occurrence(DateTimeOffset first, TimeZoneInfo zone, ReminderInterval interval, int n)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(first, zone).DateTime;
        var moved = interval switch
        {
            ReminderInterval.Daily => local.AddDays(n),
            ReminderInterval.Weekly => local.AddDays(7L * n),
            ReminderInterval.Monthly => local.AddMonths(n),
            ReminderInterval.Quarterly => local.AddMonths(3 * n),
            ReminderInterval.Yearly => local.AddYears(n),
            _ => local,
        };
        return n == 0 ? Dates.TruncateToMilliseconds(first.ToUniversalTime()) : ToInstant(moved, zone);
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null (a "never" reminder past its one).</summary>
    public static DateTimeOffset? NextAfter(DateTimeOffset first, TimeZoneInfo zone, ReminderInterval interval,
        DateTimeOffset after)
    {
        if (interval == ReminderInterval.Never)
        {
            return first > after ? Occurrence(first, zone, interval, 0) : null;
        }

        for (var n = Estimate(first, zone, interval, after); ; n++)
        {
            var occurrence = Occurrence(first, zone, interval, n);
            if (occurrence > after)
            {
                return occurrence;
            }
        }
    }

    /// <summary>An occurrence index at or before the one after <paramref name="after"/>, so the search is short.</summary>
    private static int Estimate(DateTimeOffset first, TimeZoneInfo zone, ReminderInterval interval, DateTimeOffset after)
    {
        if (after <= first)
        {
            return 0;
        }

        var from = TimeZoneInfo.ConvertTime(first, zone).DateTime;
        var to = TimeZoneInfo.ConvertTime(after, zone).DateTime;
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        var estimate = interval switch
        {
            ReminderInterval.Daily => (to - from).TotalDays,
            ReminderInterval.Weekly => (to - from).TotalDays / 7,
            ReminderInterval.Monthly => months,
            ReminderInterval.Quarterly => months / 3.0,
            _ => months / 12.0,
        };
        return (int)Math.Max(0, Math.Floor(estimate) - 1);
    }

    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            // Skipped by a spring change: read with the offset before the change, which lands after the gap.
            offset = zone.GetUtcOffset(local.AddHours(-6));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified) - offset, TimeSpan.Zero);
    }
}
