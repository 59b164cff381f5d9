using Microsoft.EntityFrameworkCore;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Notifications;
using Strive.Domain.Tests.Infrastructure;

namespace Strive.Domain.Tests.Notifications;

public sealed class NotificationTests : IDisposable
{
    private readonly DomainHarness _domain = new();

    [Fact]
    public async Task CompletingAPledgedMilestone_AsksTheSupporterOnce_ButTellsNotTheAchieverWhoDidIt()
    {
        var (owner, goal, supporter, milestone) = await PledgedAsync();

        await _domain.Milestones.UpdateAsync(owner, goal, milestone.Id,
            new MilestoneChanges { Status = MilestoneStatus.Succeeded });

        Assert.Equal([NotificationKind.DecisionNeeded], await KindsAsync(supporter));
        Assert.Equal([NotificationKind.SupportPledged], await KindsAsync(owner));
        var page = await _domain.Notifications.ListAsync(supporter, null, 10);
        Assert.All(page.Items, n => Assert.Equal(milestone.Id, n.MilestoneId));
        Assert.Equal(1, await _domain.Notifications.UnreadCountAsync(supporter));
    }

    [Fact]
    public async Task MarkingRead_OneOrAll_LowersTheUnreadCount()
    {
        var (owner, goal, supporter, milestone) = await PledgedAsync();
        var other = await _domain.AddMilestoneAsync(owner, goal, "Second");
        await _domain.Milestones.UpdateAsync(owner, goal, milestone.Id,
            new MilestoneChanges { Status = MilestoneStatus.Succeeded });
        await _domain.Milestones.UpdateAsync(owner, goal, other.Id, new MilestoneChanges { Status = MilestoneStatus.Failed });
        var first = (await _domain.Notifications.ListAsync(supporter, null, 10)).Items[0];

        await _domain.Notifications.MarkReadAsync(supporter, first.Id);
        Assert.Equal(1, await _domain.Notifications.UnreadCountAsync(supporter));
        await _domain.Notifications.MarkAllReadAsync(supporter);
        Assert.Equal(0, await _domain.Notifications.UnreadCountAsync(supporter));
    }

    [Fact]
    public async Task TheList_IsNewestFirst_InPages()
    {
        var (owner, goal, supporter, _) = await PledgedAsync();
        for (var i = 0; i < 5; i++)
        {
            _domain.Clock.Advance(TimeSpan.FromMinutes(1));
            var m = await _domain.AddMilestoneAsync(owner, goal, $"M{i}");
            await _domain.Milestones.UpdateAsync(owner, goal, m.Id, new MilestoneChanges { Status = MilestoneStatus.Failed });
        }

        var first = await _domain.Notifications.ListAsync(supporter, null, 3);
        var second = await _domain.Notifications.ListAsync(supporter, first.Items[^1].Id, 3);

        Assert.True(first.HasMore);
        Assert.False(second.HasMore);
        var all = first.Items.Concat(second.Items).ToList();
        Assert.Equal(5, all.Count);
        Assert.Equal(all.OrderByDescending(n => n.CreatedAt).Select(n => n.Id), all.Select(n => n.Id));
    }

    [Fact]
    public async Task ADeadline_TellsAchieversOnceADayAhead_AndAchieversAndAdminsOnceWhenItPasses()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        await _domain.Milestones.CreateAsync(owner, goal,
            new NewMilestone("Long run", Deadline: _domain.Clock.GetUtcNow().AddDays(3)));

        _domain.Clock.Advance(TimeSpan.FromDays(2.5));
        await _domain.Jobs.RunDueAsync();
        _domain.Clock.Advance(TimeSpan.FromMinutes(1));
        await _domain.NewInstance().RunDueAsync();
        Assert.Equal([NotificationKind.DeadlineApproaching], await KindsAsync(owner));

        _domain.Clock.Advance(TimeSpan.FromDays(1));
        await _domain.Jobs.RunDueAsync();
        _domain.Clock.Advance(TimeSpan.FromMinutes(1));
        await _domain.Jobs.RunDueAsync();
        Assert.Equal([NotificationKind.DeadlineApproaching, NotificationKind.DeadlinePassed], await KindsAsync(owner));
    }

    private async Task<(string Owner, string Goal, string Supporter, MilestoneView Milestone)> PledgedAsync()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var supporter = await _domain.CreateUserAsync("supporter");
        await _domain.Stakeholders.AddAsync(owner, goal, await _domain.EmailOfAsync(supporter), StakeholderRoles.Supporter);
        var milestone = await _domain.AddMilestoneAsync(owner, goal, "First 10 km");
        await _domain.Supports.PledgeAsync(supporter, goal, milestone.Id, "Running shoes");
        return (owner, goal, supporter, milestone);
    }

    private async Task<List<NotificationKind>> KindsAsync(string userId)
    {
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        var kinds = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).Select(n => n.Kind).ToListAsync();
        return [.. kinds.Order()];
    }

    public void Dispose() => _domain.Dispose();
}
