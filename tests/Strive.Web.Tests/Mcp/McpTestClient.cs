using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Strive.Web.Tests.Mcp;

/// <summary>The official C# MCP client over streamable HTTP against the test server, with a Bearer credential.</summary>
public static class McpTestClient
{
    public static async Task<McpClient> ConnectAsync<T>(this WebApplicationFactory<T> app, string bearer)
        where T : class
    {
        var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await ConnectAsync(http);
    }

    public static async Task<McpClient> ConnectAsync(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(http.BaseAddress!, "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
        }, http, ownsHttpClient: true);
        return await McpClient.CreateAsync(transport);
    }

    /// <summary>Calls a tool and answers its result as the API's JSON body ({"data": ...} or {"error": ...}).</summary>
    public static async Task<(bool IsError, JsonElement Body)> CallAsync(this McpClient client, string tool,
        object? arguments = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var args = arguments is null
            ? new Dictionary<string, object?>()
            : JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments))!;
        var result = await client.CallToolAsync(tool, args);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        using var document = JsonDocument.Parse(text);
        return (result.IsError == true, document.RootElement.Clone());
    }

    /// <summary>A successful call's data.</summary>
    public static async Task<JsonElement> DataAsync(this McpClient client, string tool, object? arguments = null)
    {
        var (isError, body) = await client.CallAsync(tool, arguments);
        Assert.False(isError, $"{tool} answered an error: {body}");
        return body.GetProperty("data");
    }

    /// <summary>A refused call's API message.</summary>
    public static async Task<JsonElement> ErrorAsync(this McpClient client, string tool, string message,
        object? arguments = null)
    {
        var (isError, body) = await client.CallAsync(tool, arguments);
        Assert.True(isError, $"{tool} should have been refused: {body}");
        Assert.Equal(message, body.GetProperty("error").GetString());
        return body;
    }
}
