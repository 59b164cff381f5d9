using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Strive.Domain.ApiKeys;
using Strive.Web.Tests.Api;
using Strive.Web.Tests.Infrastructure;
using static Strive.Web.Tests.Mcp.McpToolsTests;

namespace Strive.Web.Tests.Mcp;

/// <summary>The posts and reminders tools answer what /api/v1/goals/:goalId/posts and /reminders answer.</summary>
public sealed class McpPostAndReminderToolsTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    [Fact]
    public async Task PostTools_ForAGoal_AnswerTheSameDataAsTheRestApi()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        await using var client = await app.ConnectAsync(owner.Key);
        var rest = owner.Client;

        var post = await client.DataAsync("create_post", new { goalId, description = "Ran 12 km", date = "2026-03-14",
            source = "fittrack", externalId = "run-1" });
        var postId = post.GetProperty("id").GetString()!;
        var path = $"/api/v1/goals/{goalId}/posts/{postId}";
        AssertSame(await RestAsync(rest, path), post);
        AssertSame(post, await client.DataAsync("create_post", new { goalId, description = "Again", source = "fittrack", externalId = "run-1" }));
        var updated = await client.DataAsync("update_post", new { goalId, postId, description = "Ran 13 km, in fact" });
        Assert.Equal("Ran 13 km, in fact", updated.GetProperty("description").GetString());
        AssertSame(await RestAsync(rest, path), updated);
        await client.DataAsync("create_post", new { goalId, description = "Rest day", date = "2026-03-15" });

        var restPage = await (await rest.GetAsync($"/api/v1/goals/{goalId}/posts?limit=1")).Content.ReadAsStringAsync();
        var (isError, toolPage) = await client.CallAsync("list_posts", new { goalId, limit = 1 });
        Assert.False(isError, toolPage.ToString());
        Assert.True(toolPage.GetProperty("hasMore").GetBoolean());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(restPage), JsonNode.Parse(toolPage.GetRawText())), $"REST {restPage}\ntool {toolPage}");
        var rest2 = await RestAsync(rest, $"/api/v1/goals/{goalId}/posts?limit=1&before={toolPage.GetProperty("data")[0].GetProperty("id")}");
        AssertSame(rest2, await client.DataAsync("list_posts", new { goalId, limit = 1, before = toolPage.GetProperty("data")[0].GetProperty("id").GetString() }));

        var deleted = await client.DataAsync("delete_post", new { goalId, postId });
        Assert.Equal($$"""{"id":"{{postId}}","deleted":true}""", deleted.GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, (await rest.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task ReminderTools_ForAGoal_AnswerTheSameDataAsTheRestApi()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        await using var client = await app.ConnectAsync(owner.Key);
        var rest = owner.Client;

        var reminder = await client.DataAsync("create_reminder", new { goalId, description = "Log your week",
            at = "2030-03-08T19:00:00+01:00", timeZone = "Europe/Amsterdam" });
        var reminderId = reminder.GetProperty("id").GetString()!;
        var path = $"/api/v1/goals/{goalId}/reminders/{reminderId}";
        Assert.Equal("weekly", reminder.GetProperty("interval").GetString());
        AssertSame(await RestAsync(rest, path), reminder);
        var updated = await client.DataAsync("update_reminder", new { goalId, reminderId, interval = "daily" });
        AssertSame(await RestAsync(rest, path), updated);
        AssertSame(await RestAsync(rest, $"/api/v1/goals/{goalId}/reminders"), await client.DataAsync("list_reminders", new { goalId }));

        var deleted = await client.DataAsync("delete_reminder", new { goalId, reminderId });
        Assert.Equal($$"""{"id":"{{reminderId}}","deleted":true}""", deleted.GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, (await rest.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task KeysWithoutTheWriteScopes_CannotCreatePostsOrReminders_AndAreToldTheScope()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var reader = await app.CreateKeyAsync(owner.UserId, [ApiKeyScopes.PostsRead, ApiKeyScopes.RemindersRead]);
        await using var client = await app.ConnectAsync(reader.RawKey);

        var post = await client.ErrorAsync("create_post", "Forbidden", new { goalId, description = "Sneaky" });
        var reminder = await client.ErrorAsync("delete_reminder", "Forbidden", new { goalId, reminderId = "r" });

        Assert.Equal(["posts:write"], post.GetProperty("requiredScopes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["reminders:write"], reminder.GetProperty("requiredScopes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, (await client.DataAsync("list_posts", new { goalId })).GetArrayLength());
        Assert.Equal(0, (await client.DataAsync("list_reminders", new { goalId })).GetArrayLength());
    }

    [Fact]
    public async Task PostAndReminderRefusals_CarryTheApiMessages()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        await using var client = await app.ConnectAsync(owner.Key);

        await client.ErrorAsync("list_posts", "limit must be an integer between 1 and 100", new { goalId, limit = 0 });
        await client.ErrorAsync("create_post", "description is required and must be a string", new { goalId });
        await client.ErrorAsync("update_post", "No valid fields to update", new { goalId, postId = "p" });
        await client.ErrorAsync("delete_post", "postId is required and must be a string", new { goalId });
        await client.ErrorAsync("update_reminder", "No valid fields to update", new { goalId, reminderId = "r" });
    }
}
