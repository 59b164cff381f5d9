using Microsoft.Extensions.DependencyInjection;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;

namespace Strive.E2E.Infrastructure;

/// <summary>Goals whose dates matter: deadlines on given days, and a goal created at a given moment.</summary>
public static class SeedDates
{
    /// <summary>
    /// A goal owned by <paramref name="email"/>, created at <paramref name="createdAt"/> (so its
    /// "created the goal" event carries that time) with a deadline, and milestones due on the given
    /// days as the date pickers send them (the day at midnight UTC; the service keeps its end).
    /// Returns the board's path.
    /// </summary>
    public static async Task<string> GoalWithDeadlinesAsync(this StriveServerFixture server, string email,
        string title, DateTimeOffset createdAt, DateOnly goalDeadline, params (string Content, DateOnly Deadline)[] milestones)
    {
        var userId = await server.UserIdAsync(email);
        await using var scope = server.Services.CreateAsyncScope();
        // The app's own GoalService, only with a clock stopped at createdAt.
        var goals = ActivatorUtilities.CreateInstance<GoalService>(scope.ServiceProvider, new StoppedClock(createdAt));
        var goal = await goals.CreateAsync(userId, new NewGoal(title, Deadline: AsPicked(goalDeadline)));
        Assert.True(goal.IsSuccess, goal.IsSuccess ? "" : goal.Error.Message);

        var service = scope.ServiceProvider.GetRequiredService<IMilestoneService>();
        foreach (var (content, deadline) in milestones)
        {
            var created = await service.CreateAsync(userId, goal.Value!.Id, new NewMilestone(content, Deadline: AsPicked(deadline)));
            Assert.True(created.IsSuccess, created.IsSuccess ? "" : created.Error.Message);
        }

        return $"goals/{goal.Value!.Id}";
    }

    private static DateTimeOffset AsPicked(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
