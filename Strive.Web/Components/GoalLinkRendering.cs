using System.Security.Claims;
using Microsoft.AspNetCore.Components.Endpoints;
using Strive.Domain.Goals;
using Strive.Web.Client.Pages.Goals;

namespace Strive.Web.Components;

/// <summary>
/// A goal's link serves two pages at one URL: its stakeholders get the interactive board, and anyone else
/// reading a public goal gets a read-only board rendered statically, so a shared link is plain HTML that
/// needs no circuit (docs/api/API.md "Public goals"). Which one is decided per request, from the domain.
/// </summary>
internal static class GoalLinkRendering
{
    /// <summary>True when this request opens a public goal's link for someone who is not on the goal.</summary>
    public static async Task<bool> IsReadOnlyVisitAsync(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type != typeof(GoalLinkPage)
            || http.GetRouteValue(nameof(GoalLinkPage.GoalId)) is not string goalId)
        {
            return false;
        }

        var goals = http.RequestServices.GetRequiredService<IGoalService>();
        var actorId = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        return await goals.AudienceAsync(actorId, goalId, http.RequestAborted) == GoalAudience.PublicReader;
    }
}
