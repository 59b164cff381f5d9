using System.Net;
using System.Text.Json;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.Api;

/// <summary>The OpenAPI document describes every endpoint; the interactive reference is served.</summary>
public sealed class OpenApiTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    [Fact]
    public async Task Document_ListsEveryEndpointWithScopeSecurityAndErrorShape()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        var expected = new Dictionary<string, string[]>
        {
            ["/api/v1/goals"] = ["get", "post"],
            ["/api/v1/goals/{goalId}"] = ["get", "patch", "delete"],
            ["/api/v1/goals/{goalId}/restore"] = ["post"],
            ["/api/v1/goals/{goalId}/export"] = ["get"],
            ["/api/v1/goals/{goalId}/milestones"] = ["get", "post"],
            ["/api/v1/goals/{goalId}/milestones/{milestoneId}"] = ["get", "patch", "delete"],
            ["/api/v1/goals/{goalId}/milestones/order"] = ["put"],
            ["/api/v1/goals/{goalId}/milestones/{milestoneId}/restore"] = ["post"],
            ["/api/v1/goals/{goalId}/supports"] = ["get", "post"],
            ["/api/v1/goals/{goalId}/supports/{supportId}"] = ["patch"],
            ["/api/v1/goals/{goalId}/reminders"] = ["get", "post"],
            ["/api/v1/goals/{goalId}/reminders/{reminderId}"] = ["get", "patch", "delete"],
            ["/api/v1/goals/{goalId}/posts"] = ["get", "post"],
            ["/api/v1/goals/{goalId}/posts/{postId}"] = ["get", "patch", "delete"],
            ["/api/v1/goals/{goalId}/posts/{postId}/media"] = ["post"],
            ["/api/v1/users/me"] = ["get"],
            ["/api/v1/api-keys"] = ["get", "post"],
            ["/api/v1/api-keys/{keyId}"] = ["delete"],
        };
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal),
            paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        foreach (var (path, methods) in expected)
        {
            Assert.Equal(methods.Order(StringComparer.Ordinal),
                paths.GetProperty(path).EnumerateObject().Select(m => m.Name).Order(StringComparer.Ordinal));
            foreach (var method in methods)
            {
                var operation = paths.GetProperty(path).GetProperty(method);
                Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
                Assert.Contains("Required scope", operation.GetProperty("description").GetString(), StringComparison.Ordinal);
                Assert.True(operation.TryGetProperty("security", out _), $"{method} {path} has no security");
                var unauthorized = operation.GetProperty("responses").GetProperty("401");
                Assert.EndsWith("/ErrorResponse", unauthorized.GetProperty("content").GetProperty("application/json")
                    .GetProperty("schema").GetProperty("$ref").GetString(), StringComparison.Ordinal);
            }
        }

        var create = paths.GetProperty("/api/v1/goals/{goalId}/milestones").GetProperty("post");
        var example = create.GetProperty("requestBody").GetProperty("content").GetProperty("application/json")
            .GetProperty("example");
        Assert.Equal("Complete first 5K run", example.GetProperty("content").GetString());
        Assert.Contains("milestones:write", create.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("bearer", document.RootElement.GetProperty("components").GetProperty("securitySchemes")
            .GetProperty("Bearer").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task InteractiveReference_IsServedAtApiDocs()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/api/docs/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
