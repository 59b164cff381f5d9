using Microsoft.EntityFrameworkCore;
using Strive.Domain.Goals;
using Strive.Domain.Persistence;

namespace Strive.Domain.Supports;

/// <summary>
/// Goal-wide pledges follow the goal as milestone pledges follow their milestone (docs/api/API.md "Supports"):
/// when the goal finishes the supporter is asked to decide; reopening it before they do withdraws the request.
/// </summary>
internal static class SupportDecisions
{
    public static async Task FollowGoalStatusAsync(StriveDbContext db, Goal goal, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var supports = await db.Supports.Where(s => s.GoalId == goal.Id && s.MilestoneId == null)
            .ToListAsync(cancellationToken);
        foreach (var support in supports)
        {
            if (goal.Status == GoalStatus.Pending)
            {
                support.WithdrawDecisionRequest(now);
            }
            else
            {
                support.RequireDecision(now);
            }
        }
    }
}
