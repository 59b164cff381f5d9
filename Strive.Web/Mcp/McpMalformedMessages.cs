using System.Text.Json;

namespace Strive.Web.Mcp;

/// <summary>
/// The SDK answers most bad messages with a JSON-RPC error itself, but a message whose params have the wrong
/// shape for an initialize request (say, a number for protocolVersion) escapes it as a JsonException before
/// anything is written. That is the client's fault: a 400 with a JSON-RPC "invalid params" error, never a 500.
/// </summary>
public static class McpMalformedMessages
{
    public const int InvalidParams = -32602;

    public static RequestDelegate Guard(RequestDelegate inner) => async context =>
    {
        try
        {
            await inner(context);
        }
        catch (JsonException exception) when (!context.Response.HasStarted)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new
            {
                jsonrpc = "2.0",
                id = (string?)null,
                error = new { code = InvalidParams, message = "Invalid params: " + exception.Path },
            }, context.RequestAborted);
        }
    };
}
