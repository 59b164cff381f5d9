using Strive.Domain.Goals;

namespace Strive.Domain.Supports;

/// <summary>
/// Which pledges a person sees on a goal's board (docs/api/API.md, "Supports"): achievers and admins every
/// pledge and decision, anyone else only their own. The API lists every support to every stakeholder; this is
/// the board's rule, here so the rows and the goal's own pledges apply the same one.
/// </summary>
public static class BoardPledges
{
    public static bool IsShownTo(this SupportView support, StakeholderRoles roles, string actorId) =>
        roles.CanPlan() || support.SupporterId == actorId;
}
