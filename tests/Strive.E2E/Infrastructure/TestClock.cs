using System.Diagnostics;

namespace Strive.E2E.Infrastructure;

/// <summary>
/// The app's clock in browser tests: it starts at <see cref="Start"/>, whatever the machine's date, and runs
/// at the real clock's pace (timers, leases and "just now" keep working). A test that needs "today" asks
/// <see cref="Today"/>, so no expected date depends on the day the suite runs.
/// </summary>
public sealed class TestClock : TimeProvider
{
    /// <summary>A Monday, midday UTC: the same date in every time zone from UTC-11 to UTC+11.</summary>
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly long _started = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => Start + Stopwatch.GetElapsedTime(_started);

    /// <summary>Today on the app's clock, in UTC.</summary>
    public DateOnly Today => DateOnly.FromDateTime(GetUtcNow().UtcDateTime);
}
