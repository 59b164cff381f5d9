using Strive.Domain.ApiKeys;
using Strive.Web.Api.Auth;

namespace Strive.Web.OAuth;

/// <summary>
/// RFC 9728 metadata for the two resources tokens open, /mcp and /api/v1: which authorization server issues
/// them and which scopes exist. The bare path (the one every 401 names) describes /mcp.
/// </summary>
public static class ProtectedResourceMetadata
{
    private static readonly string[] BearerMethods = ["header"];

    public static WebApplication MapProtectedResourceMetadata(this WebApplication app)
    {
        const string Path = ApiKeyAuthenticationHandler.ProtectedResourcePath;
        app.MapGet(Path, (HttpRequest request) => Describe(request, "/mcp")).ExcludeFromDescription();
        app.MapGet(Path + "/mcp", (HttpRequest request) => Describe(request, "/mcp")).ExcludeFromDescription();
        app.MapGet(Path + "/api/v1", (HttpRequest request) => Describe(request, "/api/v1")).ExcludeFromDescription();
        return app;
    }

    private static IResult Describe(HttpRequest request, string resource)
    {
        var origin = $"{request.Scheme}://{request.Host}";
        return Results.Json(new Dictionary<string, object>
        {
            ["resource"] = origin + resource,
            ["authorization_servers"] = new[] { origin },
            ["scopes_supported"] = ApiKeyScopes.All,
            ["bearer_methods_supported"] = BearerMethods,
            ["resource_name"] = resource == "/mcp" ? "Strive MCP server" : "Strive API",
            ["resource_documentation"] = origin + "/openapi/v1.json",
        });
    }
}
