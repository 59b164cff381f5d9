using Microsoft.EntityFrameworkCore;
using Strive.Domain.Notifications;
using Strive.Domain.Reminders;
using Strive.Domain.Tests.Infrastructure;

namespace Strive.Domain.Tests.Reminders;

/// <summary>Reminders fired by the job runner as the app runs them, over a clock the test moves.</summary>
public sealed class ReminderFiringTests : IDisposable
{
    private readonly DomainHarness _domain = new();

    [Theory]
    [InlineData("Europe/Amsterdam")]
    [InlineData("America/Los_Angeles")]
    public async Task AYearOfWeeklyReminders_FiresEachSundayAtNineteenHundredLocal_OnceOnOneOfTwoInstances(string zoneName)
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneName);
        var firstLocal = new DateTime(2026, 3, 8, 19, 0, 0); // a Sunday, before both zones' spring change
        var reminder = (await _domain.Reminders.CreateAsync(owner, goal, new NewReminder("Log your week",
            new DateTimeOffset(firstLocal, zone.GetUtcOffset(firstLocal)), ReminderInterval.Weekly, zoneName))).Value!;
        var a = _domain.NewInstance();
        var b = _domain.NewInstance();

        var end = _domain.Clock.GetUtcNow().AddYears(1);
        var next = reminder.NextAt!.Value;
        while (next < end)
        {
            _domain.Clock.SetUtcNow(next);
            await Task.WhenAll(Task.Run(() => a.RunDueAsync()), Task.Run(() => b.RunDueAsync()));
            next = (await _domain.Reminders.GetAsync(owner, goal, reminder.Id)).Value!.NextAt!.Value;
        }

        var fired = await FiredAtAsync(owner);
        Assert.Equal(52, fired.Count);
        Assert.Equal(fired.Count, fired.Distinct().Count());
        Assert.All(fired, at =>
        {
            var local = TimeZoneInfo.ConvertTime(at, zone);
            Assert.Equal(DayOfWeek.Sunday, local.DayOfWeek);
            Assert.Equal(new TimeSpan(19, 0, 0), local.TimeOfDay);
        });
        Assert.Equal(2, fired.Select(at => TimeZoneInfo.ConvertTime(at, zone).Offset).Distinct().Count());
    }

    [Fact]
    public async Task AWeekOfDowntime_FiresAMissedDailyReminderOnce_AndGoesOnAtTheSameLocalTime()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var at = new DateTimeOffset(2026, 3, 2, 19, 0, 0, TimeSpan.FromHours(1));
        var reminder = (await _domain.Reminders.CreateAsync(owner, goal,
            new NewReminder("Stretch", at, ReminderInterval.Daily, "Europe/Amsterdam"))).Value!;

        _domain.Clock.SetUtcNow(at.AddDays(7).AddHours(2));
        await _domain.Jobs.RunDueAsync();
        await _domain.NewInstance().RunDueAsync();

        Assert.Single(await FiredAtAsync(owner));
        var next = (await _domain.Reminders.GetAsync(owner, goal, reminder.Id)).Value!.NextAt;
        Assert.Equal(at.AddDays(8), next);
    }

    [Fact]
    public async Task ANeverReminder_FiresOnce_AndThenHasNoNextOccurrence()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var at = _domain.Clock.GetUtcNow().AddHours(1);
        var reminder = (await _domain.Reminders.CreateAsync(owner, goal,
            new NewReminder("Book the race", at, ReminderInterval.Never))).Value!;

        _domain.Clock.Advance(TimeSpan.FromDays(3));
        await _domain.Jobs.RunDueAsync();
        _domain.Clock.Advance(TimeSpan.FromDays(3));
        await _domain.Jobs.RunDueAsync();

        Assert.Single(await FiredAtAsync(owner));
        Assert.Null((await _domain.Reminders.GetAsync(owner, goal, reminder.Id)).Value!.NextAt);
    }

    [Fact]
    public async Task ADeletedReminder_DoesNotFire()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var reminder = (await _domain.Reminders.CreateAsync(owner, goal,
            new NewReminder("Stretch", _domain.Clock.GetUtcNow().AddHours(1), ReminderInterval.Daily))).Value!;

        await _domain.Reminders.DeleteAsync(owner, goal, reminder.Id);
        _domain.Clock.Advance(TimeSpan.FromDays(2));
        await _domain.Jobs.RunDueAsync();

        Assert.Empty(await FiredAtAsync(owner));
    }

    [Fact]
    public async Task MovingAReminderLater_FiresItAtTheNewTimeOnly()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var now = _domain.Clock.GetUtcNow();
        var reminder = (await _domain.Reminders.CreateAsync(owner, goal,
            new NewReminder("Stretch", now.AddHours(1), ReminderInterval.Never))).Value!;

        await _domain.Reminders.UpdateAsync(owner, goal, reminder.Id, new ReminderChanges { At = now.AddDays(2) });
        _domain.Clock.Advance(TimeSpan.FromDays(1));
        await _domain.Jobs.RunDueAsync();
        Assert.Empty(await FiredAtAsync(owner));
        _domain.Clock.Advance(TimeSpan.FromDays(1));
        await _domain.Jobs.RunDueAsync();

        Assert.Equal([now.AddDays(2)], await FiredAtAsync(owner));
    }

    private async Task<List<DateTimeOffset>> FiredAtAsync(string userId)
    {
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        return await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId && n.Kind == NotificationKind.Reminder)
            .OrderBy(n => n.CreatedAt).Select(n => n.CreatedAt).ToListAsync();
    }

    public void Dispose() => _domain.Dispose();
}
