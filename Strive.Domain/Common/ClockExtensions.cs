namespace Strive.Domain.Common;

public static class ClockExtensions
{
    /// <summary>
    /// Now, to the millisecond: the precision the API shows and SQLite stores, so a value read back
    /// equals the value written.
    /// </summary>
    public static DateTimeOffset Now(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Dates.TruncateToMilliseconds(clock.GetUtcNow());
    }
}
