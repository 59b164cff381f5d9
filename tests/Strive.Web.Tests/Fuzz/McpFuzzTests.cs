using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Strive.Web.Tests.Api;

namespace Strive.Web.Tests.Fuzz;

/// <summary>
/// Malformed MCP messages at /mcp: every answer is a 4xx or a JSON-RPC error (or a tool error), never a 5xx,
/// and the server still answers a good request afterwards.
/// </summary>
public sealed class McpFuzzTests(FuzzAppFactory app) : IClassFixture<FuzzAppFactory>
{
    private static readonly string[] Bodies =
    [
        "", "{", "null", "[]", "[1,2]", "\"x\"", "42", "{}", """{"jsonrpc":"2.0"}""", """{"jsonrpc":"1.0","id":1,"method":"tools/list"}""",
        """{"jsonrpc":"2.0","id":1}""", """{"jsonrpc":"2.0","id":1,"method":5}""", """{"jsonrpc":"2.0","id":{},"method":"tools/list"}""",
        """{"jsonrpc":"2.0","id":1,"method":"no/such"}""", """{"jsonrpc":"2.0","id":1,"method":"tools/call"}""",
        """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":5}""",
        """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"nope"}}""",
        """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_goal","arguments":[]}}""",
        """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_goal","arguments":{"goalId":{"a":1}}}}""",
        """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"create_goal","arguments":{"title":"\ud800"}}}""",
        """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_goal","arguments":{"goalId":"\ud800"}}}""",
        """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"create_goal","arguments":{"title":[[[[[]]]]]}}}""",
        """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"create_milestone","arguments":{"goalId":"","content":"x"}}}""",
        """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"move_milestone","arguments":{"goalId":"g","milestoneId":"m","order":1e400}}}""",
        """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"list_posts","arguments":{"goalId":"g","limit":1e400,"before":{"a":1}}}}""",
        """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"create_post","arguments":{"goalId":"g","description":"x","date":"\ud800"}}}""",
        """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"create_reminder","arguments":{"goalId":"g","description":"x","at":"2030-01-01T00:00:00Z","timeZone":"Mars/Olympus"}}}""",
        """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"update_reminder","arguments":{"goalId":"g","reminderId":"r","interval":[]}}}""",
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":7}}""",
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":null}""",
        """[{"jsonrpc":"2.0","id":1,"method":"tools/list"},{"jsonrpc":"2.0","id":2,"method":"tools/list"}]""",
        new string('[', 5000) + new string(']', 5000),
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"create_goal\",\"arguments\":{\"title\":\"" + new string('a', 100_000) + "\"}}}",
    ];

    [Fact]
    public async Task MalformedMessages_Answer4xxOrJsonRpcErrors_Never5xx()
    {
        var caller = await app.CreateCallerAsync();
        foreach (var body in Bodies)
        {
            foreach (var contentType in new[] { "application/json", "text/plain" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/mcp", UriKind.Relative))
                {
                    Content = new StringContent(body, Encoding.UTF8, contentType),
                };
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
                using var response = await caller.Client.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {Shorten(body)} ({contentType}): {Shorten(text)}");
            }
        }

        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Delete, HttpMethod.Put, HttpMethod.Patch })
        {
            using var response = await caller.Client.SendAsync(new HttpRequestMessage(method, new Uri("/mcp", UriKind.Relative)));
            Assert.True((int)response.StatusCode < 500, $"{method}: {(int)response.StatusCode}");
        }

        await using var client = await Mcp.McpTestClient.ConnectAsync(app, caller.Key);
        Assert.NotEmpty(await client.ListToolsAsync());
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "..." : text;
}
