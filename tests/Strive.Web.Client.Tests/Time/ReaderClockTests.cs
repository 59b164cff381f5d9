using Strive.Web.Client.Components.Time;
using Strive.Web.Client.Tests.ApiKeys;

namespace Strive.Web.Client.Tests.Time;

/// <summary>
/// One moment, 31 Mar 2026 20:00 UTC, read in Auckland (UTC+13, already 1 Apr 09:00) and Los Angeles
/// (UTC-7, still 31 Mar 13:00). New Zealand's daylight time ends on 5 Apr 2026, so both offsets hold.
/// </summary>
public sealed class ReaderClockTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 31, 20, 0, 0, TimeSpan.Zero);

    /// <summary>What the API stores for a deadline picked as 31 Mar 2026: the end of that day in UTC.</summary>
    private static readonly DateTimeOffset DueMarch31 = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(-1);

    private static ReaderClock In(string zone) => new(new FixedTimeProvider(Now), ReaderTimeZone.Find(zone));

    [Theory]
    [InlineData("Pacific/Auckland", "1 Apr 2026, 08:30 (UTC+13)")]
    [InlineData("America/Los_Angeles", "31 Mar 2026, 12:30 (UTC-7)")]
    [InlineData("Asia/Kolkata", "1 Apr 2026, 01:00 (UTC+5:30)")]
    [InlineData("UTC", "31 Mar 2026, 19:30 (UTC)")]
    public void DateTime_ShowsTheMomentOnTheReadersClock(string zone, string expected) =>
        Assert.Equal(expected, In(zone).DateTime(Now.AddMinutes(-30)));

    [Theory]
    [InlineData("Pacific/Auckland", "1 Apr 2026")]
    [InlineData("America/Los_Angeles", "31 Mar 2026")]
    public void Date_IsTheReadersDateOfTheMoment(string zone, string expected) =>
        Assert.Equal(expected, In(zone).Date(Now.AddMinutes(-30)));

    [Theory]
    [InlineData("Pacific/Auckland")]
    [InlineData("America/Los_Angeles")]
    [InlineData("Pacific/Kiritimati")]
    [InlineData("Pacific/Pago_Pago")]
    public void Deadline_ShowsThePickedDateInEveryZone(string zone)
    {
        Assert.Equal("31 Mar 2026", ReaderClock.Deadline(DueMarch31));
        Assert.Equal(new DateOnly(2026, 3, 31), ReaderClock.DeadlineDay(DueMarch31));
        Assert.NotNull(In(zone));
    }

    [Fact]
    public void Deadline_InAuckland_IsOverdueOnceTheReadersDateHasPassedIt()
    {
        var auckland = In("Pacific/Auckland");

        Assert.Equal(new DateOnly(2026, 4, 1), auckland.Today);
        Assert.Equal(-1, auckland.DaysLeft(DueMarch31));
        Assert.True(auckland.IsOverdue(DueMarch31));
    }

    [Fact]
    public void Deadline_InLosAngeles_IsDueTodayUntilTheReadersDayEnds()
    {
        // 13:00 on the 31st in Los Angeles: the UTC end of day has not passed, and neither has theirs.
        var losAngeles = In("America/Los_Angeles");
        Assert.Equal(0, losAngeles.DaysLeft(DueMarch31));
        Assert.False(losAngeles.IsOverdue(DueMarch31));

        // 17:30 on the 31st in Los Angeles is 00:30 UTC on 1 Apr: past the stored moment, still their due date.
        var evening = new ReaderClock(new FixedTimeProvider(new DateTimeOffset(2026, 4, 1, 0, 30, 0, TimeSpan.Zero)),
            ReaderTimeZone.Find("America/Los_Angeles"));
        Assert.False(evening.IsOverdue(DueMarch31));
        Assert.True(In("America/Los_Angeles").IsOverdue(DueMarch31.AddDays(-1)));
    }

    [Theory]
    [InlineData(0, "just now")]
    [InlineData(1, "a minute ago")]
    [InlineData(5, "5 minutes ago")]
    [InlineData(90, "an hour ago")]
    [InlineData(600, "10 hours ago")]
    public void Ago_WithinADay_CountsMinutesAndHours(int minutes, string expected) =>
        Assert.Equal(expected, In("Pacific/Auckland").Ago(Now.AddMinutes(-minutes)));

    [Fact]
    public void Ago_PastADay_CountsDaysOnTheReadersCalendar()
    {
        // 30 Mar 10:00 UTC: 23:00 on the 30th in Auckland (two dates ago), 03:00 on the 30th in LA (one date ago).
        var then = new DateTimeOffset(2026, 3, 30, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal("2 days ago", In("Pacific/Auckland").Ago(then));
        Assert.Equal("yesterday", In("America/Los_Angeles").Ago(then));
        Assert.Equal("on 10 Mar 2026", In("America/Los_Angeles").Ago(then.AddDays(-20)));
    }

    [Theory]
    [InlineData(30, "within the hour")]
    [InlineData(300, "in 5 hours")]
    [InlineData(1800, "tomorrow")]
    [InlineData(7200, "in 5 days")]
    public void Until_SaysHowLongIsLeft(int minutes, string expected) =>
        Assert.Equal(expected, In("UTC").Until(Now.AddMinutes(minutes)));

    [Fact]
    public void DeadlineForPicker_RoundTripsThePickedDate()
    {
        var picked = ReaderClock.DeadlineForPicker(DueMarch31);

        Assert.Equal(new DateTime(2026, 3, 31), picked);
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 0, 0, 0, TimeSpan.Zero), ReaderClock.DeadlineFromPicker(picked));
        Assert.Null(ReaderClock.DeadlineForPicker(null));
        Assert.Null(ReaderClock.DeadlineFromPicker(null));
    }
}
