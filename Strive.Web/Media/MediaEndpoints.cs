using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Net.Http.Headers;
using Strive.Domain.ApiKeys;
using Strive.Domain.Posts;
using Strive.Web.Api;
using Strive.Web.Api.Auth;

namespace Strive.Web.Media;

/// <summary>
/// <c>GET /media/&lt;id&gt;</c> (display rendition) and <c>?size=thumb</c>: a post's photo, for whoever may read its
/// goal, signed in by cookie (the goal page) or by an API key with <c>posts:read</c> (integrations). Outside
/// /api/v1 so an &lt;img&gt; can load it. A photo never changes once stored (a new one gets a new id), so it may be
/// kept a year; "private" keeps shared caches from serving a private goal's photo to someone else.
/// </summary>
public static class MediaEndpoints
{
    public const string CacheControl = "private, max-age=31536000, immutable";

    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/media/{mediaId}", GetAsync).ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> GetAsync(string mediaId, HttpContext context, IPostService posts,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var reader = await ReaderAsync(context);
        if (!reader.Allowed)
        {
            return reader.Refusal!;
        }

        var thumbnail = string.Equals(context.Request.Query["size"], "thumb", StringComparison.Ordinal);
        var media = await posts.GetMediaAsync(reader.UserId, mediaId, thumbnail, cancellationToken);
        if (!media.IsSuccess)
        {
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.Json(new ErrorResponse(media.Error.Message), statusCode: StatusCodes.Status404NotFound);
        }

        context.Response.Headers.CacheControl = CacheControl;
        return TypedResults.Bytes(media.Value.Bytes, media.Value.ContentType);
    }

    /// <summary>
    /// Who asks: an API key when the request carries one (401/403 as on /api/v1 when it is bad or lacks
    /// posts:read), else the browser's cookie, else nobody, who still sees a public goal's photos.
    /// </summary>
    private static async Task<(bool Allowed, string? UserId, IResult? Refusal)> ReaderAsync(HttpContext context)
    {
        if (context.Request.Headers.Authorization.Count > 0)
        {
            var key = await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
            if (!key.Succeeded)
            {
                return (false, null, TypedResults.Json(new ErrorResponse(key.Failure?.Message ?? ApiErrors.NotAuthenticated),
                    statusCode: StatusCodes.Status401Unauthorized));
            }

            return key.Principal.HasClaim(ApiKeyClaims.Scope, ApiKeyScopes.PostsRead)
                ? (true, key.Principal.UserId(), null)
                : (false, null, TypedResults.Json(new ScopeErrorResponse(ApiErrors.Forbidden, [ApiKeyScopes.PostsRead]),
                    statusCode: StatusCodes.Status403Forbidden));
        }

        return (true, context.User.Identity?.IsAuthenticated == true
            ? context.User.FindFirstValue(ClaimTypes.NameIdentifier)
            : null, null);
    }
}
