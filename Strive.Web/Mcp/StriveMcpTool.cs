using System.Security.Claims;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Strive.Domain.Events;
using Strive.Web.Api;
using Strive.Web.Api.Auth;

namespace Strive.Web.Mcp;

/// <summary>
/// Runs one <see cref="McpTool"/>: checks the caller's scope (the endpoint's), checks the path ids, marks
/// the request's changes as made through an agent, and answers in the API's JSON. A refusal is a tool
/// error (isError) carrying the API's body, never a protocol error, so an agent reads it and can recover.
/// </summary>
public sealed class StriveMcpTool(McpTool tool) : McpServerTool
{
    private static readonly JsonElement EmptyArguments = JsonDocument.Parse("{}").RootElement.Clone();

    public override Tool ProtocolTool { get; } = new()
    {
        Name = tool.Name,
        Title = tool.Title,
        Description = tool.Description,
        InputSchema = ToolSchema.For(tool),
        Annotations = new ToolAnnotations
        {
            Title = tool.Title,
            ReadOnlyHint = tool.Effect == ToolEffect.ReadOnly,
            DestructiveHint = tool.Effect == ToolEffect.Destructive,
            IdempotentHint = tool.Effect != ToolEffect.Write,
            OpenWorldHint = false,
        },
    };

    public override IReadOnlyList<object> Metadata { get; } = [];

    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = request.User ?? new ClaimsPrincipal();
        if (!user.HasClaim(ApiKeyClaims.Scope, tool.Scope))
        {
            return ToolResults.Refusal(new ScopeErrorResponse(ApiErrors.Forbidden, [tool.Scope]));
        }

        var arguments = ToObject(request.Params?.Arguments);
        if (FirstBadKey(arguments) is { } badKey)
        {
            return ToolResults.Refusal(new ErrorResponse($"{badKey.Name} is required and must be a string"));
        }

        var services = request.Services ?? throw new InvalidOperationException("The MCP request has no services.");
        services.GetRequiredService<ChangeOrigin>().MarkAgent(AgentName(user));
        var answer = await tool.Handler(new ToolCall(user.UserId(), arguments, services, cancellationToken));
        return answer.Error is { } error
            ? ToolResults.Refusal(new ErrorResponse(error.Message))
            : answer.IsWholeBody ? ToolResults.WholeBody(answer.Data!) : ToolResults.Success(answer.Data!);
    }

    /// <summary>What the activity says the change came through: the OAuth app's name, else "MCP".</summary>
    private static string AgentName(ClaimsPrincipal user) => user.FindFirstValue(McpClaims.AgentName) ?? "MCP";

    private static JsonElement ToObject(IDictionary<string, JsonElement>? arguments) =>
        arguments is null ? EmptyArguments : JsonSerializer.SerializeToElement(arguments);

    private ToolKey? FirstBadKey(JsonElement arguments) => tool.Keys.FirstOrDefault(key =>
        !arguments.TryGetProperty(key.Name, out var value) || !JsonFields.TryGetText(value, out var text)
        || string.IsNullOrWhiteSpace(text));
}

/// <summary>Claims the MCP tools read beside the API-key ones.</summary>
public static class McpClaims
{
    /// <summary>The name of the OAuth client a token was granted to: the activity says "via" it.</summary>
    public const string AgentName = "strive:agent_name";
}
