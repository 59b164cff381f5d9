using System.Globalization;
using Microsoft.Playwright;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.Board;

/// <summary>
/// One board read from the two ends of the day: Kiritimati (UTC+14) and Pago Pago (UTC-11), 25 hours
/// apart and without daylight saving, so the expected text follows from the offsets alone.
/// Deadlines show the date that was picked in both; whether that date is over depends on the reader's
/// calendar. The goal's creation shows on each reader's clock.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class BoardTimeZoneTests(StriveServerFixture server)
{
    private const string Kiritimati = "Pacific/Kiritimati";
    private const string PagoPago = "Pacific/Pago_Pago";

    [Fact]
    public async Task Board_ReadFromKiritimatiAndPagoPago_ShowsPickedDeadlines_OverdueByEachCalendar_AndEventTimesOnEachClock()
    {
        var email = StriveServerFixture.NewEmail("zones");
        await (await server.RegisterAndSignInAsync(email)).Context.CloseAsync();
        var now = server.Clock.GetUtcNow();
        var pagoToday = TodayAt(now, -11);
        var kiriToday = TodayAt(now, 14);   // always a day or two after Pago Pago's
        var created = new DateTimeOffset(now.UtcDateTime.Date.AddDays(-20).AddHours(12), TimeSpan.Zero);
        var path = await server.GoalWithDeadlinesAsync(email, "Cross the date line", created, goalDeadline: pagoToday,
            ("Book the ferry", pagoToday.AddDays(-1)),   // over for both readers
            ("Pack the bags", pagoToday),                // due today in Pago Pago, over in Kiritimati
            ("Catch the plane", kiriToday));             // ahead of both

        // Kiritimati arrives with a stale zone in its cookie (as after travel): the prerender guesses
        // wrong and the circuit corrects it once the browser has said where it is.
        var kiri = new BoardPage(await server.SignedInPageAsync(email, timezoneId: Kiritimati));
        await kiri.Page.Context.AddCookiesAsync([new Cookie { Name = "strive-tz", Value = "Europe/Lisbon", Url = server.BaseUrl.ToString() }]);
        await kiri.OpenAsync(path);
        await ExpectDeadlineAsync(kiri, "Book the ferry", Shown(kiriToday, pagoToday.AddDays(-1)));
        await ExpectDeadlineAsync(kiri, "Pack the bags", Shown(kiriToday, pagoToday));
        await ExpectDeadlineAsync(kiri, "Catch the plane", $"{Day(kiriToday)} · due today");
        await Assertions.Expect(kiri.Page.GetByTestId("goal-deadline")).ToHaveTextAsync($"Due {Day(pagoToday)} · overdue");
        await ExpectCreatedAsync(kiri, created.ToOffset(TimeSpan.FromHours(14)), "UTC+14");

        var pago = new BoardPage(await server.SignedInPageAsync(email, timezoneId: PagoPago));
        await pago.OpenAsync(path);
        await ExpectDeadlineAsync(pago, "Book the ferry", $"{Day(pagoToday.AddDays(-1))} · overdue by 1 day");
        await ExpectDeadlineAsync(pago, "Pack the bags", $"{Day(pagoToday)} · due today");
        await ExpectDeadlineAsync(pago, "Catch the plane", Shown(pagoToday, kiriToday));
        await Assertions.Expect(pago.Page.GetByTestId("goal-deadline")).ToHaveTextAsync($"Due {Day(pagoToday)} · due today");
        await ExpectCreatedAsync(pago, created.ToOffset(TimeSpan.FromHours(-11)), "UTC-11");

        await kiri.Page.Context.CloseAsync();
        await pago.Page.Context.CloseAsync();
    }

    private static DateOnly TodayAt(DateTimeOffset now, int offsetHours) =>
        DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(offsetHours)).DateTime);

    private static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A row's deadline as a reader whose today is <paramref name="today"/> sees it: the date, then how far off.</summary>
    private static string Shown(DateOnly today, DateOnly day) => (day.DayNumber - today.DayNumber) switch
    {
        0 => $"{Day(day)} · due today",
        1 => $"{Day(day)} · due tomorrow",
        -1 => $"{Day(day)} · overdue by 1 day",
        < 0 and var late => $"{Day(day)} · overdue by {-late} days",
        var days => $"{Day(day)} · due in {days} days",
    };

    private static async Task ExpectDeadlineAsync(BoardPage board, string content, string text)
    {
        var deadline = board.Row(content).GetByTestId("milestone-deadline");
        await Assertions.Expect(deadline).ToHaveTextAsync(text);
        await Assertions.Expect(board.Row(content)).ToHaveClassAsync(text.Contains("overdue by", StringComparison.Ordinal)
            ? new System.Text.RegularExpressions.Regex(@"\boverdue\b")
            : new System.Text.RegularExpressions.Regex(@"^(?!.*\boverdue\b)"));
    }

    /// <summary>Twenty days ago: the timeline shows the reader's date, and the hover title their time.</summary>
    private static async Task ExpectCreatedAsync(BoardPage board, DateTimeOffset local, string offset)
    {
        var time = board.Page.GetByTestId("activity-list").Locator("li")
            .Filter(new LocatorFilterOptions { HasText = "created the goal" })
            .Locator("time");
        await Assertions.Expect(time).ToHaveTextAsync($"on {local.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}");
        await Assertions.Expect(time).ToHaveAttributeAsync("title",
            $"{local.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture)} ({offset})");
    }
}
