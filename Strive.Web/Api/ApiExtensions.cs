using Microsoft.AspNetCore.Authentication;
using Strive.Domain.ApiKeys;
using Strive.Web.Api.Auth;
using Strive.Web.Api.Idempotency;
using Strive.Web.Api.RateLimiting;
using Strive.Web.Api.V1;
using Strive.Web.Media;

namespace Strive.Web.Api;

public static class ApiExtensions
{
    public const string ApiKeyPolicy = "api-key";

    /// <summary>The public REST API under /api/v1: API-key authentication, scopes, rate limits, OpenAPI.</summary>
    public static IHostApplicationBuilder AddStriveApi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));

        // Not the default scheme: only the /api/v1 policies below name it, and they name nothing else,
        // so a browser cookie never authenticates the API.
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(
                ApiKeyAuthenticationHandler.SchemeName, configureOptions: null);
        services.AddAuthorization(options =>
        {
            options.AddPolicy(ApiKeyPolicy, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser());
            foreach (var scope in ApiKeyScopes.All)
            {
                options.AddPolicy(ScopeEndpointExtensions.PolicyName(scope), policy => policy
                    .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                    .RequireAuthenticatedUser()
                    .RequireClaim(ApiKeyClaims.Scope, scope));
            }
        });

        services.Configure<ApiRateLimitOptions>(builder.Configuration.GetSection(ApiRateLimitOptions.SectionName));
        services.AddSingleton<IApiRateLimiter, ApiRateLimiter>();
        services.AddSingleton<MilestoneListCache>();
        services.AddStriveOpenApi();
        return builder;
    }

    /// <summary>
    /// The per-key rate limit, between authentication and authorization, and before any database work:
    /// it needs to know which key is calling, which a key in use learns from the key cache
    /// (<see cref="IApiKeyCache"/>) without a query, so a request it refuses (429) costs the database
    /// nothing. A request that authorization then refuses (403) has still spent a permit and carries
    /// the X-RateLimit headers.
    /// </summary>
    public static WebApplication UseApiKeyRateLimit(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<ApiRateLimitMiddleware>();
        return app;
    }

    /// <summary>
    /// Idempotency-Key on API writes, after authorization: it keeps answers per user, and a request that
    /// authentication or authorization refuses never claims a key.
    /// </summary>
    public static WebApplication UseApiIdempotency(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<IdempotencyMiddleware>();
        return app;
    }

    public static WebApplication MapStriveApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(ApiKeyPolicy)
            .WithMetadata(ApiKeyProtectedMetadata.Instance);
        api.MapGoalsEndpoints()
            .MapGoalLifecycleEndpoints()
            .MapMilestonesEndpoints()
            .MapSupportsEndpoints()
            .MapRemindersEndpoints()
            .MapPostsEndpoints()
            .MapUsersEndpoints()
            .MapApiKeysEndpoints();

        // Lowest precedence: any path or method no endpoint above takes is a JSON 404, never a page.
        app.Map("/api/v1/{**path}", () => ApiErrors.Status(StatusCodes.Status404NotFound, ApiErrors.NotFound))
            .ExcludeFromDescription();

        app.MapMediaEndpoints();
        app.MapStriveOpenApi();
        return app;
    }

    /// <summary>Paths under /api: whatever goes wrong there is answered in JSON, never with a browser page.</summary>
    public static bool IsApiPath(PathString path) => path.StartsWithSegments("/api");
}
