namespace Strive.Web.Api;

public static class ApiExtensions
{
    /// <summary>The public REST API under /api/v1: API-key authentication, scopes, rate limits, OpenAPI.</summary>
    public static IHostApplicationBuilder AddStriveApi(this IHostApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication UseStriveApiPipeline(this WebApplication app)
    {
        return app;
    }

    public static WebApplication MapStriveApi(this WebApplication app)
    {
        return app;
    }
}
