using System.Text.Json;
using ModelContextProtocol.Protocol;
using Strive.Domain.Common;
using Strive.Web.Api;

namespace Strive.Web.Mcp;

/// <summary>Whether a tool only reads, changes something, or removes something (its MCP annotations).</summary>
public enum ToolEffect
{
    ReadOnly,
    Write,
    Destructive,
}

/// <summary>An id the tool needs, as the REST path names it (goalId, milestoneId, supportId).</summary>
public sealed record ToolKey(string Name, string Description);

/// <summary>
/// One MCP tool as a mirror of one /api/v1 endpoint: the same scope, the same request shape (its input
/// schema is written from the <see cref="RequestShape"/> the REST parser reads, so the two cannot drift)
/// and a handler that calls the same domain service and answers the same response record.
/// </summary>
public sealed record McpTool(
    string Name,
    string Title,
    string Description,
    string Scope,
    ToolEffect Effect,
    IReadOnlyList<ToolKey> Keys,
    RequestShape? Body,
    Func<ToolCall, Task<ToolAnswer>> Handler)
{
    /// <summary>What each body field means, for the agent reading the input schema.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();
}

/// <summary>A tool's outcome: the API's success body, or the API's error message.</summary>
public sealed record ToolAnswer(object? Data, DomainError? Error)
{
    public static ToolAnswer Of<T>(Result<T> result, Func<T, object> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return result.IsSuccess ? new ToolAnswer(shape(result.Value), null) : new ToolAnswer(null, result.Error);
    }

    public static ToolAnswer Ok(object data) => new(data, null);

    /// <summary>
    /// A success whose REST body is more than {"data": ...} (a page: {"data": [...], "hasMore": ...}); the tool
    /// answers that whole body, as the endpoint does.
    /// </summary>
    public static ToolAnswer Body<T>(Result<T> result, Func<T, object> shape) => Of(result, shape) with { IsWholeBody = true };

    /// <summary>Whether <see cref="Data"/> is the whole body rather than what goes under "data".</summary>
    public bool IsWholeBody { get; init; }

    public static ToolAnswer Fail(DomainError error) => new(null, error);
}

/// <summary>One call of a tool: the caller, its arguments (the REST body plus the path ids) and the request's services.</summary>
public sealed class ToolCall(string userId, JsonElement arguments, IServiceProvider services, CancellationToken cancellationToken)
{
    public string UserId { get; } = userId;

    /// <summary>The arguments object, read by the endpoint's own parser exactly as it reads a request body.</summary>
    public JsonElement Body { get; } = arguments;

    public IServiceProvider Services { get; } = services;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>A path id; <see cref="StriveMcpTool"/> checked it is a non-empty string before the handler runs.</summary>
    public string Key(string name) => Body.GetProperty(name).GetString()!;

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();
}

/// <summary>
/// A file of tools (goals, milestones, posts, ...). Every non-abstract implementation in this assembly is
/// found at startup, so a new area of tools is one new file.
/// </summary>
public interface IMcpToolSet
{
    IEnumerable<McpTool> Tools { get; }
}

/// <summary>Tool results in the API's JSON: {"data": ...} on success, {"error": "..."} with isError on a refusal.</summary>
public static class ToolResults
{
    private static readonly JsonSerializerOptions Json = CreateOptions();

    public static CallToolResult Success(object data) => From(new DataResponse<object>(data), isError: false);

    public static CallToolResult WholeBody(object body) => From(body, isError: false);

    public static CallToolResult Refusal(object body) => From(body, isError: true);

    private static CallToolResult From(object body, bool isError)
    {
        var element = JsonSerializer.SerializeToElement(body, body.GetType(), Json);
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = element.GetRawText() }],
            StructuredContent = element,
            IsError = isError,
        };
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(options);
        return options;
    }
}
