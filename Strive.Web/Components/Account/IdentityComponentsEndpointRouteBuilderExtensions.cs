using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Strive.Domain.Users;
using Strive.Web.Components.Account;

namespace Microsoft.AspNetCore.Routing;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    /// <summary>
    /// The one account action that is not a page: sign-out, posted (with an antiforgery token) by the
    /// account menu. Passkeys, two-factor and external logins are not offered, so their endpoints are gone.
    /// </summary>
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var accountGroup = endpoints.MapGroup("/Account");

        accountGroup.MapPost("/Logout", async (
            [FromServices] SignInManager<StriveUser> signInManager,
            [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            // returnUrl is relative to the base; one that would leave the site goes to the home page.
            return TypedResults.LocalRedirect(LocalUrls.IsLocal($"/{returnUrl}") ? $"~/{returnUrl}" : "~/");
        });

        return accountGroup;
    }
}
