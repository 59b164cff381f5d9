using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using Strive.Domain.ApiKeys;
using Strive.Web.Api.Auth;
using Strive.Web.Mcp;

namespace Strive.Web.OAuth;

/// <summary>
/// An OAuth access token on /api/v1 or /mcp: OpenIddict validates it (and its database entry and
/// authorization, so a disconnected app fails at once), and the caller becomes the same kind of principal
/// as an API key's: the person, the scopes they granted, and the authorization as the rate-limit key.
/// </summary>
public static class OAuthTokenAuthentication
{
    public const string KeyPrefix = "oauth:";

    public static async Task<ClaimsPrincipal?> AuthenticateAsync(HttpContext context, string scheme)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await context.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (!result.Succeeded || result.Principal.GetClaim(OpenIddictConstants.Claims.Subject) is not { } userId)
        {
            return null;
        }

        var authorization = result.Principal.GetAuthorizationId() ?? result.Principal.GetTokenId() ?? userId;
        var scopes = result.Principal.GetScopes().Where(ApiKeyScopes.All.Contains).ToList();
        var principal = ApiKeyClaims.ToPrincipal(new ApiKeyIdentity(KeyPrefix + authorization, userId, scopes, null), scheme);
        if (result.Principal.GetClaim(McpClaims.AgentName) is { } agent)
        {
            ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(McpClaims.AgentName, agent));
        }

        return principal;
    }
}
