using Strive.Domain.Reminders;
using Strive.Web.Client.Components.Time;

namespace Strive.Web.Client.Components.Reminders;

/// <summary>How reminders read in the browser.</summary>
public static class ReminderText
{
    /// <summary>The IANA zones this machine knows, for the zone list (UTC first).</summary>
    public static readonly IReadOnlyList<string> Zones =
        ["UTC", .. TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId && z.Id.Contains('/', StringComparison.Ordinal))
            .Select(z => z.Id).Order(StringComparer.Ordinal)];

    public static string Interval(ReminderInterval interval) => interval switch
    {
        ReminderInterval.Never => "Once",
        ReminderInterval.Daily => "Every day",
        ReminderInterval.Weekly => "Every week",
        ReminderInterval.Monthly => "Every month",
        ReminderInterval.Quarterly => "Every quarter",
        _ => "Every year",
    };
}

/// <summary>The reminder form's fields: the first time as the person reads it, in the zone they choose.</summary>
public sealed class ReminderFormModel
{
    public string? Id { get; private init; }

    public string Description { get; set; } = "";

    public DateTime Local { get; set; }

    public ReminderInterval Interval { get; set; } = ReminderInterval.Weekly;

    public string TimeZone { get; set; } = "UTC";

    /// <summary>A new reminder: tomorrow at 19:00 in the reader's zone.</summary>
    public static ReminderFormModel New(ReaderClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var zone = clock.Zone.HasIanaId ? clock.Zone.Id : "UTC";
        return new() { Local = clock.InZone(clock.Now).Date.AddDays(1).AddHours(19), TimeZone = zone };
    }

    public static ReminderFormModel From(ReminderView view, ReaderClock clock)
    {
        ArgumentNullException.ThrowIfNull(view);
        var zone = Recurrence.TryFindZone(view.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return new()
        {
            Id = view.Id, Description = view.Description, Interval = view.Interval, TimeZone = view.TimeZone,
            Local = TimeZoneInfo.ConvertTime(view.At, zone).DateTime,
        };
    }

    public NewReminder ToNew() => new(Description, At(), Interval, TimeZone);

    public ReminderChanges ToChanges() => new()
    {
        Description = Description, At = At(), Interval = Interval, TimeZone = TimeZone,
    };

    /// <summary>The local time read in the chosen zone (an unknown zone is left for the service to refuse).</summary>
    private DateTimeOffset? At()
    {
        var zone = Recurrence.TryFindZone(TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = DateTime.SpecifyKind(Local, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
