using Microsoft.Extensions.DependencyInjection;
using Strive.Domain.Milestones;
using Strive.Domain.Supports;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.Accessibility;

/// <summary>
/// Issue 24, row 3: a board that shows a pledge in every state it can be in (open, awaiting the
/// supporter's decision, accepted, rejected), so axe sees each pill in both themes.
/// </summary>
public static class PledgeStates
{
    /// <summary>
    /// Adds four milestones to the goal at <paramref name="board"/>, each with a pledge of
    /// <paramref name="supporter"/> (already a supporter of it): one left open, one awaiting a decision,
    /// one accepted and one rejected.
    /// </summary>
    public static async Task SeedAsync(StriveServerFixture server, string owner, string supporter, string board)
    {
        var goalId = board["goals/".Length..];
        var ownerId = await server.UserIdAsync(owner);
        var supporterId = await server.UserIdAsync(supporter);
        await using var scope = server.Services.CreateAsyncScope();
        var milestones = scope.ServiceProvider.GetRequiredService<IMilestoneService>();
        var supports = scope.ServiceProvider.GetRequiredService<ISupportService>();

        foreach (var (content, finish, accept) in new (string, MilestoneStatus?, bool?)[]
        {
            ("Long run on Sunday", null, null),
            ("Run 15 km", MilestoneStatus.Succeeded, null),
            ("Run 21 km", MilestoneStatus.Succeeded, true),
            ("Run 30 km", MilestoneStatus.Failed, false),
        })
        {
            var milestone = await milestones.CreateAsync(ownerId, goalId, new NewMilestone(content));
            Assert.True(milestone.IsSuccess);
            var pledge = await supports.PledgeAsync(supporterId, goalId, milestone.Value!.Id, $"A coffee after the {content.ToLowerInvariant()}");
            Assert.True(pledge.IsSuccess);
            if (finish is { } status)
            {
                Assert.True((await milestones.UpdateAsync(ownerId, goalId, milestone.Value.Id, new MilestoneChanges { Status = status })).IsSuccess);
            }

            if (accept is { } given)
            {
                Assert.True((await supports.DecideAsync(supporterId, goalId, pledge.Value!.Id, given, "Well run")).IsSuccess);
            }
        }
    }
}
