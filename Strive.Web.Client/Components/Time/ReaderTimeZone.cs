using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;

namespace Strive.Web.Client.Components.Time;

/// <summary>
/// The reader's time zone for one circuit (or one prerender), as their browser names it
/// (<c>Intl.DateTimeFormat().resolvedOptions().timeZone</c>, an IANA id such as "Pacific/Auckland").
/// Until the browser has said, and for an id this machine does not know, it is UTC.
/// Components see it as a cascading <see cref="ReaderClock"/>; <see cref="UseAsync"/> re-renders them.
/// </summary>
public sealed partial class ReaderTimeZone
{
    /// <summary>The cookie a small script writes on every page load, so a prerender already knows the zone.</summary>
    public const string Cookie = "strive-tz";

    private readonly TimeProvider _time;

    public ReaderTimeZone(TimeProvider time)
    {
        _time = time;
        Clock = new ReaderClock(time, TimeZoneInfo.Utc);
        Source = new CascadingValueSource<ReaderClock>(Clock, isFixed: false);
    }

    public ReaderClock Clock { get; private set; }

    public CascadingValueSource<ReaderClock> Source { get; }

    /// <summary>Switches to the zone the browser named; components re-render only when it changed.</summary>
    public Task UseAsync(string? ianaId)
    {
        var zone = Find(ianaId);
        if (zone.Id == Clock.Zone.Id)
        {
            return Task.CompletedTask;
        }

        Clock = new ReaderClock(_time, zone, Clock.Culture);
        return Source.NotifyChangedAsync(Clock);
    }

    /// <summary>
    /// Switches to the reader's locale (the first language their browser asks for, e.g. "en-US"), which
    /// decides how a typed "01/03/2027" is read. Unknown or malformed names keep the current one.
    /// </summary>
    public Task UseLocaleAsync(string? acceptLanguage)
    {
        var culture = ReaderLocale.Find(acceptLanguage);
        if (culture is null || culture.Name == Clock.Culture.Name)
        {
            return Task.CompletedTask;
        }

        Clock = new ReaderClock(_time, Clock.Zone, culture);
        return Source.NotifyChangedAsync(Clock);
    }

    /// <summary>The zone for an IANA id; UTC for a missing, malformed or unknown one. Never throws.</summary>
    public static TimeZoneInfo Find(string? ianaId)
    {
        // The id comes from a cookie: only ever look up something shaped like a zone name, never a path.
        if (string.IsNullOrWhiteSpace(ianaId) || !ZoneId().IsMatch(ianaId) || ianaId.Contains("..", StringComparison.Ordinal))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ianaId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$")]
    private static partial Regex ZoneId();
}
