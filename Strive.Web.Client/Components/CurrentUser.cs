using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Strive.Web.Client.Components;

/// <summary>The signed-in user's id, which every domain service call takes as the actor.</summary>
public static class CurrentUser
{
    public static async Task<string> IdAsync(Task<AuthenticationState>? authenticationState)
    {
        if (authenticationState is null)
        {
            return "";
        }

        var state = await authenticationState;
        return state.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
    }
}
