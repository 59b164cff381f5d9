namespace Strive.Domain.Common;

public static class Dates
{
    /// <summary>
    /// A deadline is a date: whatever time of day it carries, it means the end of that day in UTC
    /// (docs/api/API.md "Milestones: what milestones.md leaves open": 2026-03-31T00:00:00.000Z is
    /// stored as 2026-03-31T23:59:59.999Z).
    /// </summary>
    public static DateTimeOffset EndOfDayUtc(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, 23, 59, 59, 999, TimeSpan.Zero);
    }

    /// <summary>Drops sub-millisecond precision so values round-trip identically through every provider.</summary>
    public static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
