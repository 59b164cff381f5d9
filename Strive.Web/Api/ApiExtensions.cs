using Microsoft.AspNetCore.Authentication;
using Strive.Domain.ApiKeys;
using Strive.Web.Api.Auth;
using Strive.Web.Api.RateLimiting;
using Strive.Web.Api.V1;
using Strive.Web.Cli;

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
        services.AddSingleton<ApiRateLimiter>();
        services.AddStriveOpenApi();

        // The admin command line runs in this same host: keep its stdout for the command's answer.
        AdminCommandLine.QuietLoggingForAdminCommands(builder);
        return builder;
    }

    /// <summary>
    /// Error handling first, then routing, authentication, the per-key rate limit and authorization, in
    /// that order: the limiter sees who is calling before authorization may refuse them.
    /// </summary>
    public static WebApplication UseStriveApiPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(IsApiRequest, api => api.UseMiddleware<ApiExceptionMiddleware>());
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<ApiRateLimitMiddleware>();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapStriveApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(ApiKeyPolicy)
            .WithMetadata(ApiKeyProtectedMetadata.Instance)
            .AddEndpointFilter<ApiExceptionFilter>();
        api.MapGoalsEndpoints()
            .MapMilestonesEndpoints()
            .MapSupportsEndpoints()
            .MapUsersEndpoints()
            .MapApiKeysEndpoints();

        // Lowest precedence: any path or method no endpoint above takes is a JSON 404, never a page.
        app.Map("/api/v1/{**path}", () => ApiErrors.Status(StatusCodes.Status404NotFound, ApiErrors.NotFound))
            .ExcludeFromDescription();

        app.MapStriveOpenApi();
        return app;
    }

    private static bool IsApiRequest(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
