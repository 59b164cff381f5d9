using Strive.Domain.Goals;
using Strive.Domain.Reminders;
using Strive.Domain.Tests.Infrastructure;

namespace Strive.Domain.Tests.Reminders;

public sealed class ReminderServiceTests : IDisposable
{
    private readonly DomainHarness _domain = new();

    [Fact]
    public async Task AReminder_IsSeenOnlyByItsOwner()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var other = await _domain.CreateUserAsync("other");
        await _domain.Stakeholders.AddAsync(owner, goal, await _domain.EmailOfAsync(other), StakeholderRoles.Supporter);
        var mine = (await _domain.Reminders.CreateAsync(owner, goal,
            new NewReminder("Log", _domain.Clock.GetUtcNow().AddDays(1)))).Value!;

        Assert.Empty((await _domain.Reminders.ListAsync(other, goal)).Value!);
        Assert.Same(ReminderErrors.NotFound, (await _domain.Reminders.GetAsync(other, goal, mine.Id)).Error);
        Assert.Same(ReminderErrors.NotFound, (await _domain.Reminders.DeleteAsync(other, goal, mine.Id)).Error);
    }

    [Fact]
    public async Task TheTwentyFirstReminderOnAGoal_IsRefused()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        for (var i = 0; i < Reminder.MaxPerPersonPerGoal; i++)
        {
            Assert.True((await _domain.Reminders.CreateAsync(owner, goal,
                new NewReminder($"R{i}", _domain.Clock.GetUtcNow()))).IsSuccess);
        }

        var refused = await _domain.Reminders.CreateAsync(owner, goal, new NewReminder("One more", _domain.Clock.GetUtcNow()));

        Assert.Equal("A person has at most 20 reminders per goal", refused.Error!.Message);
    }

    [Fact]
    public async Task LeavingTheGoal_DeletesOnesReminders()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var other = await _domain.CreateUserAsync("other");
        await _domain.Stakeholders.AddAsync(owner, goal, await _domain.EmailOfAsync(other), StakeholderRoles.Supporter);
        await _domain.Reminders.CreateAsync(other, goal, new NewReminder("Cheer", _domain.Clock.GetUtcNow().AddDays(1)));

        await _domain.Stakeholders.RemoveAsync(owner, goal, other);
        await _domain.Stakeholders.AddAsync(owner, goal, await _domain.EmailOfAsync(other), StakeholderRoles.Supporter);

        Assert.Empty((await _domain.Reminders.ListAsync(other, goal)).Value!);
    }

    public void Dispose() => _domain.Dispose();
}
