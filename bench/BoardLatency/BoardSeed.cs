using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Strive.Domain.Common;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Users;

namespace Strive.Bench.BoardLatency;

/// <summary>The account and the two goals the benchmark drives, created through the domain services.</summary>
internal sealed record BoardSeed(string Email, string Password, string BoardGoalId, string WarmUpGoalId)
{
    public const int WarmUpMilestones = 6;

    public static async Task<BoardSeed> CreateAsync(IServiceProvider services, int milestones)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
        var email = $"bench-{Guid.NewGuid():N}@example.com";
        const string password = "Bench-Passw0rd!";
        var user = new StriveUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Bench", CreatedAt = now };
        var created = await provider.GetRequiredService<UserManager<StriveUser>>().CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var goals = provider.GetRequiredService<IGoalService>();
        var plan = provider.GetRequiredService<IMilestoneService>();
        var board = Require(await goals.CreateAsync(user.Id, new NewGoal("Benchmark board", "Many milestones.")));
        await AddMilestonesAsync(plan, user.Id, board.Id, milestones, now);
        var warmUp = Require(await goals.CreateAsync(user.Id, new NewGoal("Warm-up board")));
        await AddMilestonesAsync(plan, user.Id, warmUp.Id, WarmUpMilestones, now);
        return new BoardSeed(email, password, board.Id, warmUp.Id);
    }

    /// <summary>
    /// A plausible mix: every third has a description, every fourth a deadline (in the future, so the
    /// deadline worker has nothing to do), every fifth subtasks, every tenth is already done.
    /// </summary>
    private static async Task AddMilestonesAsync(IMilestoneService plan, string userId, string goalId, int count,
        DateTimeOffset now)
    {
        for (var i = 1; i <= count; i++)
        {
            var milestone = new NewMilestone(
                string.Create(CultureInfo.InvariantCulture, $"Milestone {i:000}: practise step {i}"),
                i % 3 == 0 ? "A short description that shows as an excerpt under the row's title." : null,
                i % 4 == 0 ? now.AddDays(30 + i) : null,
                null,
                i % 5 == 0 ? [new Subtask("First part", true), new Subtask("Second part", false)] : null);
            var added = Require(await plan.CreateAsync(userId, goalId, milestone));
            if (i % 10 == 0)
            {
                Require(await plan.UpdateAsync(userId, goalId, added.Id,
                    new MilestoneChanges { Status = MilestoneStatus.Succeeded }));
            }
        }
    }

    private static T Require<T>(Result<T> result) => result.IsSuccess
        ? result.Value!
        : throw new InvalidOperationException("Seeding the benchmark failed: " + result.Error.Message);
}
