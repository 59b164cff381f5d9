using Strive.Domain.Reminders;

namespace Strive.Domain.Tests.Reminders;

public sealed class RecurrenceTests
{
    [Theory]
    [InlineData("Europe/Amsterdam")]
    [InlineData("America/Los_Angeles")]
    public void AWeeklyReminderOverAYear_IsAlwaysAtNineteenHundredLocal_AcrossBothDaylightSavingChanges(string zoneName)
    {
        Assert.True(Recurrence.TryFindZone(zoneName, out var zone));
        var first = LocalToInstant(new DateTime(2026, 1, 4, 19, 0, 0), zone); // a Sunday
        var offsets = new HashSet<TimeSpan>();
        var after = first.AddTicks(-1);
        for (var i = 0; i < 53; i++)
        {
            var next = Recurrence.NextAfter(first, zone, ReminderInterval.Weekly, after)!.Value;
            var local = TimeZoneInfo.ConvertTime(next, zone);
            Assert.Equal(new TimeSpan(19, 0, 0), local.TimeOfDay);
            Assert.Equal(DayOfWeek.Sunday, local.DayOfWeek);
            offsets.Add(local.Offset);
            after = next;
        }

        Assert.Equal(2, offsets.Count);
    }

    [Fact]
    public void AMonthlyReminderOnThe31st_FiresOnEachMonthsLastDay_AndOnThe31stAgainWhenThereIsOne()
    {
        Recurrence.TryFindZone("Europe/Amsterdam", out var zone);
        var first = LocalToInstant(new DateTime(2026, 1, 31, 9, 0, 0), zone);

        var days = Enumerable.Range(0, 12)
            .Select(n => TimeZoneInfo.ConvertTime(Recurrence.Occurrence(first, zone, ReminderInterval.Monthly, n), zone))
            .ToList();

        Assert.Equal([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], days.Select(d => d.Day));
        Assert.All(days, d => Assert.Equal(9, d.Hour));
    }

    [Fact]
    public void AYearlyReminderOn29February_FiresOn28FebruaryInOtherYears()
    {
        Recurrence.TryFindZone("America/Los_Angeles", out var zone);
        var first = LocalToInstant(new DateTime(2028, 2, 29, 8, 30, 0), zone);

        var dates = Enumerable.Range(0, 5)
            .Select(n => TimeZoneInfo.ConvertTime(Recurrence.Occurrence(first, zone, ReminderInterval.Yearly, n), zone).Date)
            .ToList();

        Assert.Equal([new(2028, 2, 29), new(2029, 2, 28), new(2030, 2, 28), new(2031, 2, 28), new(2032, 2, 29)], dates);
    }

    [Fact]
    public void AQuarterlyReminderOn31March_FiresOn30JuneAnd30September()
    {
        Recurrence.TryFindZone("UTC", out var zone);
        var first = new DateTimeOffset(2026, 3, 31, 12, 0, 0, TimeSpan.Zero);

        var dates = Enumerable.Range(0, 4)
            .Select(n => Recurrence.Occurrence(first, zone, ReminderInterval.Quarterly, n).Date).ToList();

        Assert.Equal([new(2026, 3, 31), new(2026, 6, 30), new(2026, 9, 30), new(2026, 12, 31)], dates);
    }

    [Fact]
    public void ALocalTimeSkippedInSpring_MovesForwardByTheGap()
    {
        Recurrence.TryFindZone("Europe/Amsterdam", out var zone);
        var first = LocalToInstant(new DateTime(2026, 3, 28, 2, 30, 0), zone); // 29 March 02:30 does not exist

        var skipped = TimeZoneInfo.ConvertTime(Recurrence.Occurrence(first, zone, ReminderInterval.Daily, 1), zone);

        Assert.Equal(new DateTime(2026, 3, 29, 3, 30, 0), skipped.DateTime);
    }

    [Theory]
    [InlineData("Europe/Amsterdam", true)]
    [InlineData("UTC", true)]
    [InlineData("Mars/Olympus", false)]
    [InlineData("W. Europe Standard Time", false)]
    [InlineData("", false)]
    [InlineData(" Europe/Amsterdam", false)]
    public void OnlyIanaNames_AreZones(string name, bool known) => Assert.Equal(known, Recurrence.TryFindZone(name, out _));

    private static DateTimeOffset LocalToInstant(DateTime local, TimeZoneInfo zone) =>
        new(local, zone.GetUtcOffset(local));
}
