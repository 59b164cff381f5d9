using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Strive.Domain.ApiKeys;
using Strive.Web.OAuth;

namespace Strive.Web.Api.Auth;

/// <summary>
/// The "ApiKey" scheme: `Authorization: Bearer sk_live_&lt;64 hex&gt;`, checked by the domain on every
/// request (so a revoked key stops at once). Bound only to /api/v1 through its policies; its
/// challenge and forbid answers are the documented JSON bodies.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IApiKeyService apiKeys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string ApiKeyPrefix = "sk_live_";

    /// <summary>The protected resource metadata (RFC 9728) every 401 points to.</summary>
    public const string ProtectedResourcePath = "/.well-known/oauth-protected-resource";

    private bool _expired;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        const string Prefix = "Bearer ";
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail(ApiErrors.NotAuthenticated);
        }

        var credential = header[Prefix.Length..].Trim();
        if (!credential.StartsWith(ApiKeyPrefix, StringComparison.Ordinal))
        {
            // Not a key: an access token from Strive's own authorization server, or nothing.
            return await OAuthTokenAuthentication.AuthenticateAsync(Context, SchemeName) is { } oauth
                ? AuthenticateResult.Success(new AuthenticationTicket(oauth, SchemeName))
                : AuthenticateResult.Fail(ApiErrors.NotAuthenticated);
        }

        // The domain refuses a malformed key as unknown before it touches the database.
        var check = await apiKeys.AuthenticateAsync(credential, Context.RequestAborted);
        switch (check.Check)
        {
            case ApiKeyCheck.Valid when check.Identity is { } identity:
                var ticket = new AuthenticationTicket(ApiKeyClaims.ToPrincipal(identity, SchemeName), SchemeName);
                return AuthenticateResult.Success(ticket);
            case ApiKeyCheck.Expired:
                _expired = true;
                return AuthenticateResult.Fail(ApiErrors.KeyExpired);
            default:
                return AuthenticateResult.Fail(ApiErrors.NotAuthenticated);
        }
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // The handler instance is per request, so the outcome of this request's authentication is at hand.
        await HandleAuthenticateOnceSafeAsync();
        // RFC 9728: where a client learns which authorization server issues tokens for this resource.
        Response.Headers.WWWAuthenticate =
            $"Bearer resource_metadata=\"{Request.Scheme}://{Request.Host}{ProtectedResourcePath}\"";
        await ApiErrors.WriteAsync(Context, StatusCodes.Status401Unauthorized,
            new ErrorResponse(_expired ? ApiErrors.KeyExpired : ApiErrors.NotAuthenticated));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var required = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<RequiredScopeMetadata>()
            .Select(m => m.Scope).Distinct(StringComparer.Ordinal).ToList() ?? [];
        return ApiErrors.WriteAsync(Context, StatusCodes.Status403Forbidden,
            new ScopeErrorResponse(ApiErrors.Forbidden, required));
    }

}

/// <summary>The claims an API-key principal carries, and the way back to an <see cref="ApiKeyIdentity"/>.</summary>
public static class ApiKeyClaims
{
    public const string KeyId = "strive:key_id";
    public const string Scope = "scope";
    public const string ExpiresAt = "strive:key_expires_at";

    public static ClaimsPrincipal ToPrincipal(ApiKeyIdentity identity, string scheme)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, identity.UserId),
            new(KeyId, identity.KeyId),
        };
        claims.AddRange(identity.Scopes.Select(scope => new Claim(Scope, scope)));
        if (identity.ExpiresAt is { } expiresAt)
        {
            claims.Add(new Claim(ExpiresAt, expiresAt.UtcTicks.ToString(CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The acting user: the owner of the key that authenticated the request.</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user?.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("The request was not authenticated with an API key.");

    public static ApiKeyIdentity ApiKey(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var expires = user.FindFirstValue(ExpiresAt) is { } ticks
            ? new DateTimeOffset(long.Parse(ticks, CultureInfo.InvariantCulture), TimeSpan.Zero)
            : (DateTimeOffset?)null;
        return new ApiKeyIdentity(
            user.FindFirstValue(KeyId) ?? throw new InvalidOperationException("No API key on this request."),
            user.UserId(),
            [.. user.FindAll(Scope).Select(c => c.Value)],
            expires);
    }
}
