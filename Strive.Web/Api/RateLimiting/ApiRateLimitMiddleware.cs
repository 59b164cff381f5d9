using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Strive.Web.Api.Auth;

namespace Strive.Web.Api.RateLimiting;

/// <summary>
/// Runs between authentication and authorization for API-key endpoints: a request whose key is
/// valid spends one permit and carries the X-RateLimit headers (on its 403 too); a request without a
/// valid key never reaches the limiter, so it cannot spend anyone's budget.
/// </summary>
public sealed class ApiRateLimitMiddleware(RequestDelegate next, IApiRateLimiter limiter)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetEndpoint()?.Metadata.GetMetadata<ApiKeyProtectedMetadata>() is null)
        {
            await next(context);
            return;
        }

        // Cached by the handler for this request: authorization reuses it without a second lookup. A key
        // in use comes from the key cache, so nothing here or before touches the database: a 429 is free.
        var result = await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
        if (!result.Succeeded)
        {
            await next(context);
            return;
        }

        var decision = await limiter.AcquireAsync(result.Principal.ApiKey().KeyId, context.RequestAborted);
        var headers = context.Response.Headers;
        if (decision.Unavailable)
        {
            // The shared counter (Redis) is away: refuse rather than let every key through unlimited.
            headers.RetryAfter = "5";
            await ApiErrors.WriteAsync(context, StatusCodes.Status503ServiceUnavailable,
                new ErrorResponse(ApiErrors.TemporarilyUnavailable));
            return;
        }

        headers["X-RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = decision.ResetAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        if (!decision.Allowed)
        {
            headers.RetryAfter = decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await ApiErrors.WriteAsync(context, StatusCodes.Status429TooManyRequests,
                new ErrorResponse(ApiErrors.RateLimitExceeded));
            return;
        }

        await next(context);
    }
}
