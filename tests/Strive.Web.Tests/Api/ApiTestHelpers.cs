using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Strive.Domain.ApiKeys;
using Strive.Domain.Users;

namespace Strive.Web.Tests.Api;

/// <summary>A user with an API key and a client that sends it.</summary>
public sealed record ApiCaller(string UserId, string Email, string KeyId, string Key, HttpClient Client);

/// <summary>Seeding and JSON helpers for the HTTP tests; each test seeds its own users and keys.</summary>
public static partial class ApiTestHelpers
{
    public static readonly IReadOnlyList<string> AllScopes = ApiKeyScopes.All;

    public static async Task<string> CreateUserAsync<T>(this WebApplicationFactory<T> app, string? email = null)
        where T : class
    {
        email ??= $"user-{Guid.NewGuid():N}@example.test";
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StriveUser>>();
        var user = new StriveUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Tester" };
        var result = await users.CreateAsync(user, "Passw0rd!long");
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return user.Id;
    }

    public static async Task<CreatedApiKey> CreateKeyAsync<T>(this WebApplicationFactory<T> app, string userId,
        IReadOnlyList<string>? scopes = null, DateTimeOffset? expiresAt = null)
        where T : class
    {
        using var scope = app.Services.CreateScope();
        var keys = scope.ServiceProvider.GetRequiredService<IApiKeyService>();
        var created = await keys.CreateAsync(userId, new NewApiKey("test key", scopes ?? AllScopes, expiresAt));
        Assert.True(created.IsSuccess, created.Error?.Message);
        return created.Value;
    }

    /// <summary>A fresh user with a key carrying <paramref name="scopes"/> (all by default).</summary>
    public static async Task<ApiCaller> CreateCallerAsync<T>(this WebApplicationFactory<T> app,
        IReadOnlyList<string>? scopes = null, DateTimeOffset? expiresAt = null)
        where T : class
    {
        var email = $"user-{Guid.NewGuid():N}@example.test";
        var userId = await app.CreateUserAsync(email);
        var key = await app.CreateKeyAsync(userId, scopes, expiresAt);
        return new ApiCaller(userId, email, key.Key.Id, key.RawKey, app.CreateClientWithKey(key.RawKey));
    }

    public static HttpClient CreateClientWithKey<T>(this WebApplicationFactory<T> app, string? key)
        where T : class
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string path,
        string json) =>
        client.SendAsync(new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        });

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json) =>
        client.SendJsonAsync(HttpMethod.Post, path, json);

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string path, string json) =>
        client.SendJsonAsync(HttpMethod.Patch, path, json);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, string json) =>
        client.SendJsonAsync(HttpMethod.Put, path, json);

    public static Task<HttpResponseMessage> GetAsync(this HttpClient client, string path) =>
        client.GetAsync(new Uri(path, UriKind.Relative));

    public static Task<HttpResponseMessage> DeleteAsync(this HttpClient client, string path) =>
        client.DeleteAsync(new Uri(path, UriKind.Relative));

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts the status and the exact documented {"error": ...} body.</summary>
    public static async Task<JsonElement> AssertErrorAsync(this HttpResponseMessage response, HttpStatusCode status,
        string error)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(error, body.GetProperty("error").GetString());
        return body;
    }

    public static async Task<JsonElement> DataAsync(this HttpResponseMessage response,
        HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {status}, got {response.StatusCode}: {text}");
        return (await response.JsonAsync()).GetProperty("data");
    }

    public static async Task<string> CreateGoalAsync(this ApiCaller caller, string title = "A goal")
    {
        var goal = await (await caller.Client.PostJsonAsync("/api/v1/goals", $$"""{"title": "{{title}}"}"""))
            .DataAsync(HttpStatusCode.Created);
        return goal.GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> CreateMilestoneAsync(this ApiCaller caller, string goalId, string json)
    {
        var response = await caller.Client.PostJsonAsync($"/api/v1/goals/{goalId}/milestones", json);
        return await response.DataAsync(HttpStatusCode.Created);
    }

    /// <summary>
    /// Adds a milestone at the end, as the board's add row does: without "order" it would go first
    /// (milestones.md, "default 0"), and the tests build their lists in reading order.
    /// </summary>
    public static async Task<string> CreateMilestoneIdAsync(this ApiCaller caller, string goalId, string content) =>
        (await caller.CreateMilestoneAsync(goalId, $$"""{"content": "{{content}}", "order": 1000000}""")).GetProperty("id").GetString()!;

    /// <summary>The documented time format: ISO 8601 UTC, milliseconds, Z.</summary>
    public static void AssertTime(JsonElement value)
    {
        Assert.Equal(JsonValueKind.String, value.ValueKind);
        Assert.Matches(TimePattern(), value.GetString()!);
    }

    public static void AssertProperties(JsonElement value, params string[] names) =>
        Assert.Equal(names.Order(StringComparer.Ordinal),
            value.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex TimePattern();
}

public static class StakeholderSeeding
{
    /// <summary>Gives the caller these roles on the goal, through the operator's door.</summary>
    public static async Task JoinAsync<T>(this WebApplicationFactory<T> app, ApiCaller caller, string goalId,
        Strive.Domain.Goals.StakeholderRoles roles)
        where T : class
    {
        using var scope = app.Services.CreateScope();
        var stakeholders = scope.ServiceProvider.GetRequiredService<Strive.Domain.Goals.IStakeholderService>();
        var added = await stakeholders.AddAsOperatorAsync(goalId, caller.Email, roles);
        Assert.True(added.IsSuccess, added.Error?.Message);
    }

    /// <summary>A goal made through the domain, for callers whose key cannot create one.</summary>
    public static async Task<string> CreateGoalDirectlyAsync<T>(this WebApplicationFactory<T> app, string userId)
        where T : class
    {
        using var scope = app.Services.CreateScope();
        var goals = scope.ServiceProvider.GetRequiredService<Strive.Domain.Goals.IGoalService>();
        var goal = await goals.CreateAsync(userId, new Strive.Domain.Goals.NewGoal("Direct"));
        Assert.True(goal.IsSuccess, goal.Error?.Message);
        return goal.Value.Id;
    }
}
