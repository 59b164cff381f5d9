using ModelContextProtocol.Server;
using Strive.Web.Api;
using Strive.Web.Api.Auth;

namespace Strive.Web.Mcp;

/// <summary>
/// The MCP server at /mcp (docs/mcp.md): streamable HTTP in stateless mode, so any instance behind the load
/// balancer answers any request (no session to pin, nothing kept between requests), authenticated and
/// rate limited exactly like /api/v1.
/// </summary>
public static class McpExtensions
{
    public const string Path = "/mcp";

    public static IHostApplicationBuilder AddStriveMcp(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddMcpServer(options =>
            {
                options.ServerInfo = new() { Name = "Strive", Title = "Strive", Version = "1.0.0" };
                options.ServerInstructions = "Strive is a milestone board for goals. Tools mirror the REST API at "
                    + "/api/v1: list_goals first to find goal ids, then the milestone, support and other tools.";
            })
            .WithHttpTransport(options => options.Stateless = true)
            .WithTools(AllTools());
        return builder;
    }

    public static WebApplication MapStriveMcp(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapMcp(Path)
            .RequireAuthorization(ApiExtensions.ApiKeyPolicy)
            .WithMetadata(ApiKeyProtectedMetadata.Instance)
            .ExcludeFromDescription()
            .Add(endpoint => endpoint.RequestDelegate = McpMalformedMessages.Guard(endpoint.RequestDelegate!));
        return app;
    }

    /// <summary>Every tool of every <see cref="IMcpToolSet"/> in this assembly.</summary>
    public static IReadOnlyList<StriveMcpTool> AllTools() =>
    [
        .. typeof(McpExtensions).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMcpToolSet).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .SelectMany(t => ((IMcpToolSet)Activator.CreateInstance(t)!).Tools)
            .Select(tool => new StriveMcpTool(tool)),
    ];
}
