using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Strive.Web.Tests.Api;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.Mcp;

/// <summary>/mcp at the HTTP level: who gets in, where a client learns to sign in, and the shared rate limit.</summary>
public sealed class McpHttpTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    private const string ToolsList = """{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}""";

    [Theory]
    [InlineData(null)]
    [InlineData("sk_live_0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("not-a-token")]
    public async Task WithoutAValidBearer_Answers401_PointingToTheProtectedResourceMetadata(string? bearer)
    {
        using var response = await PostAsync(app.CreateClientWithKey(bearer), ToolsList);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal("resource_metadata=\"http://localhost/.well-known/oauth-protected-resource\"", challenge.Parameter);
    }

    [Fact]
    public async Task EveryMcpRequest_SpendsTheKeysRateLimit_LikeTheApi()
    {
        var caller = await app.CreateCallerAsync();

        using var first = await PostAsync(caller.Client, ToolsList);
        using var second = await caller.Client.GetAsync("/api/v1/goals");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var remaining = int.Parse(first.Headers.GetValues("X-RateLimit-Remaining").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(remaining - 1, int.Parse(second.Headers.GetValues("X-RateLimit-Remaining").Single(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ARevokedKey_IsRefusedOnItsNextMcpRequest()
    {
        var caller = await app.CreateCallerAsync();
        await using var client = await app.ConnectAsync(caller.Key);
        Assert.NotEmpty(await client.ListToolsAsync());

        await caller.Client.DeleteAsync($"/api/v1/api-keys/{caller.KeyId}");

        using var response = await PostAsync(caller.Client, ToolsList);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/mcp", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return client.SendAsync(request);
    }
}
