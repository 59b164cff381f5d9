using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Strive.Web.Mcp;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Strive.Web.OAuth;

/// <summary>
/// /oauth/authorize after OpenIddict has checked the request (client, exact redirect URI, PKCE S256, scopes
/// the client registered). GET: a signed-out person signs in first, then sees the consent page. POST (the
/// consent form, carrying the same request): the scopes the person left ticked are granted, or nothing.
/// </summary>
public static class AuthorizationEndpoint
{
    public const string ConsentPath = "/oauth/consent";
    public const string GrantField = "granted_scope";
    public const string DecisionField = "decision";

    public static WebApplication MapAuthorization(this WebApplication app)
    {
        app.MapGet(OAuthExtensions.AuthorizePath, (Delegate)ShowConsentAsync).ExcludeFromDescription();
        app.MapPost(OAuthExtensions.AuthorizePath, DecideAsync).ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ShowConsentAsync(HttpContext context)
    {
        var signedIn = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!signedIn.Succeeded)
        {
            return Results.Challenge(new AuthenticationProperties { RedirectUri = context.Request.Path + context.Request.QueryString },
                [IdentityConstants.ApplicationScheme]);
        }

        return Results.Redirect(ConsentPath + context.Request.QueryString);
    }

    private static async Task<IResult> DecideAsync(HttpContext context, IAntiforgery antiforgery,
        IOpenIddictApplicationManager applications, IOpenIddictAuthorizationManager authorizations)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("OpenIddict did not attach the authorization request.");
        var signedIn = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!signedIn.Succeeded || !await antiforgery.IsRequestValidAsync(context))
        {
            return Deny("The consent form expired or was not sent by Strive. Start again from the app.");
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!, context.RequestAborted)
            ?? throw new InvalidOperationException("OpenIddict let an unknown client through.");
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var offered = await OfferedScopesAsync(applications, application, request.Scope, context.RequestAborted);
        var granted = offered.Intersect(form[GrantField].OfType<string>(), StringComparer.Ordinal).ToList();
        if (form[DecisionField] != "allow" || granted.Count == 0)
        {
            return Deny("The person did not allow access.");
        }

        var userId = signedIn.Principal!.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, userId)
            .SetClaim(McpClaims.AgentName, await applications.GetDisplayNameAsync(application, context.RequestAborted));
        // offline_access: every app gets a refresh token (rotated on each use), whatever it asked for.
        identity.SetScopes(granted.Append(Scopes.OfflineAccess));
        var authorization = await authorizations.CreateAsync(identity, userId,
            (await applications.GetIdAsync(application, context.RequestAborted))!, AuthorizationTypes.Permanent,
            [.. granted], context.RequestAborted);
        identity.SetAuthorizationId(await authorizations.GetIdAsync(authorization, context.RequestAborted));
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null,
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The scopes the request asks for, within those the client registered; all of those when it names none.</summary>
    public static async Task<IReadOnlyList<string>> OfferedScopesAsync(IOpenIddictApplicationManager applications,
        object application, string? requested, CancellationToken cancellationToken)
    {
        var registered = (await applications.GetPermissionsAsync(application, cancellationToken))
            .Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(p => p[Permissions.Prefixes.Scope.Length..]).ToList();
        var asked = (requested ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        return asked.Count == 0 ? registered : [.. asked.Where(registered.Contains)];
    }

    private static IResult Deny(string description) => Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = OpenIddictConstants.Errors.AccessDenied,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
