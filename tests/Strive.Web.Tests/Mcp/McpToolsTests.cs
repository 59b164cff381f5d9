using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Strive.Domain.ApiKeys;
using Strive.Domain.Goals;
using Strive.Web.Tests.Api;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.Mcp;

/// <summary>
/// /mcp through the official MCP client: the tools an agent sees, and that each answers what the REST
/// endpoint it mirrors answers, with the same refusals.
/// </summary>
public sealed class McpToolsTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    private static readonly string[] ExpectedTools =
    [
        "list_goals", "get_goal", "create_goal", "update_goal",
        "list_milestones", "get_milestone", "create_milestone", "update_milestone", "move_milestone",
        "delete_milestone", "restore_milestone", "list_supports", "pledge_support", "decide_support",
        "list_posts", "create_post", "update_post", "delete_post",
        "list_reminders", "create_reminder", "update_reminder", "delete_reminder",
    ];

    [Fact]
    public async Task ListTools_NamesEveryTool_WithDescribedFieldsAndHonestAnnotations()
    {
        var caller = await app.CreateCallerAsync();
        await using var client = await app.ConnectAsync(caller.Key);

        var tools = (await client.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool);

        Assert.Subset(tools.Keys.ToHashSet(), ExpectedTools.ToHashSet());
        Assert.All(["delete_milestone", "delete_post", "delete_reminder"], name => Assert.True(tools[name].Annotations?.DestructiveHint, name));
        Assert.All(["create_post", "update_post", "create_reminder", "update_reminder"], name =>
            Assert.False(tools[name].Annotations?.ReadOnlyHint == true || tools[name].Annotations?.DestructiveHint == true, name));
        Assert.All(tools.Values.Where(t => t.Name.StartsWith("list_", StringComparison.Ordinal) || t.Name.StartsWith("get_", StringComparison.Ordinal)),
            t => Assert.True(t.Annotations?.ReadOnlyHint, t.Name));
        Assert.False(tools["create_milestone"].Annotations?.ReadOnlyHint);
        foreach (var tool in tools.Values)
        {
            Assert.False(string.IsNullOrWhiteSpace(tool.Description), tool.Name);
            foreach (var property in tool.InputSchema.GetProperty("properties").EnumerateObject())
            {
                Assert.True(property.Value.TryGetProperty("description", out _), $"{tool.Name}.{property.Name} is not described");
            }
        }

        var create = tools["create_milestone"].InputSchema;
        Assert.Equal(["goalId", "content"], create.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["goalId", "description", "at"],
            tools["create_reminder"].InputSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task EveryToolAnswer_ForAGoal_IsTheSameDataAsTheRestAnswer()
    {
        var owner = await app.CreateCallerAsync();
        await using var client = await app.ConnectAsync(owner.Key);
        var rest = owner.Client;

        var goal = await client.DataAsync("create_goal", new { title = "Marathon", deadline = "2027-04-01" });
        var goalId = goal.GetProperty("id").GetString()!;
        AssertSame(await RestAsync(rest, $"/api/v1/goals/{goalId}"), goal);
        AssertSame(await RestAsync(rest, $"/api/v1/goals/{goalId}"), await client.DataAsync("get_goal", new { goalId }));
        AssertSame(await RestAsync(rest, "/api/v1/goals"), await client.DataAsync("list_goals"));
        var updated = await client.DataAsync("update_goal", new { goalId, description = "Under four hours" });
        AssertSame(await RestAsync(rest, $"/api/v1/goals/{goalId}"), updated);

        var first = await client.DataAsync("create_milestone", new { goalId, content = "Run 10 km" });
        var second = await client.DataAsync("create_milestone", new { goalId, content = "Run 21 km", subtasks = new[] { new { content = "Buy gels" } } });
        var milestoneId = second.GetProperty("id").GetString()!;
        var path = $"/api/v1/goals/{goalId}/milestones/{milestoneId}";
        AssertSame(await RestAsync(rest, path), second);
        AssertSame(await RestAsync(rest, path), await client.DataAsync("get_milestone", new { goalId, milestoneId }));
        var finished = await client.DataAsync("update_milestone", new { goalId, milestoneId, status = "succeeded" });
        AssertSame(await RestAsync(rest, path), finished);
        var moved = await client.DataAsync("move_milestone", new { goalId, milestoneId, order = 0 });
        Assert.Equal(0, moved.GetProperty("order").GetInt32());
        AssertSame(await RestAsync(rest, path), moved);
        AssertSame(await RestAsync(rest, $"/api/v1/goals/{goalId}/milestones"), await client.DataAsync("list_milestones", new { goalId }));

        var firstId = first.GetProperty("id").GetString()!;
        var deleted = await client.DataAsync("delete_milestone", new { goalId, milestoneId = firstId });
        Assert.Equal($$"""{"id":"{{firstId}}","deleted":true}""", deleted.GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, (await rest.GetAsync($"/api/v1/goals/{goalId}/milestones/{firstId}")).StatusCode);
        var restored = await client.DataAsync("restore_milestone", new { goalId, milestoneId = firstId });
        AssertSame(await RestAsync(rest, $"/api/v1/goals/{goalId}/milestones/{firstId}"), restored);
    }

    [Fact]
    public async Task SupportTools_PledgeAndList_AsTheRestApiDoes()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var milestoneId = await owner.CreateMilestoneIdAsync(goalId, "Run 5 km");
        var supporter = await app.CreateCallerAsync();
        await app.JoinAsync(supporter, goalId, StakeholderRoles.Supporter);
        await using var client = await app.ConnectAsync(supporter.Key);

        var pledge = await client.DataAsync("pledge_support", new { goalId, milestoneId, description = "Running shoes" });
        var listed = await client.DataAsync("list_supports", new { goalId });

        AssertSame(await RestAsync(supporter.Client, $"/api/v1/goals/{goalId}/supports"), listed);
        AssertSame(listed[0], pledge);
        await client.ErrorAsync("decide_support", "This support does not need a decision",
            new { goalId, supportId = pledge.GetProperty("id").GetString(), status = "accepted" });
    }

    [Fact]
    public async Task KeyWithMilestonesRead_CannotCreate_AndIsToldTheScope()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var reader = await app.CreateKeyAsync(owner.UserId, [ApiKeyScopes.MilestonesRead]);
        await using var client = await app.ConnectAsync(reader.RawKey);

        var refusal = await client.ErrorAsync("create_milestone", "Forbidden", new { goalId, content = "Sneaky" });

        Assert.Equal(["milestones:write"], refusal.GetProperty("requiredScopes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, (await client.DataAsync("list_milestones", new { goalId })).GetArrayLength());
    }

    [Fact]
    public async Task Refusals_CarryTheApiMessages()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var stranger = await app.CreateCallerAsync();
        await using var client = await app.ConnectAsync(owner.Key);
        await using var outsider = await app.ConnectAsync(stranger.Key);

        await outsider.ErrorAsync("get_goal", "You are not a stakeholder of this goal", new { goalId });
        await outsider.ErrorAsync("create_milestone", "Only admins and achievers can create milestones", new { goalId, content = "x" });
        await client.ErrorAsync("get_goal", "Goal not found", new { goalId = "nope" });
        await client.ErrorAsync("create_milestone", "content is required and must be a string", new { goalId, content = 5 });
        await client.ErrorAsync("create_milestone", "content is required and must be a string", new { goalId });
        await client.ErrorAsync("update_goal", "No valid fields to update", new { goalId });
        await client.ErrorAsync("list_milestones", "goalId is required and must be a string");
        await client.ErrorAsync("move_milestone", "order must be a non-negative integer", new { goalId, milestoneId = "m", order = -1 });
    }

    [Fact]
    public async Task ChangesMadeThroughMcp_AreNamedAsMadeThroughAnAgent()
    {
        var owner = await app.CreateCallerAsync();
        await using var client = await app.ConnectAsync(owner.Key);
        var goalId = (await client.DataAsync("create_goal", new { title = "Through an agent" })).GetProperty("id").GetString()!;
        await client.DataAsync("create_milestone", new { goalId, content = "By the agent" });
        await owner.Client.PostJsonAsync($"/api/v1/goals/{goalId}/milestones", """{"content": "By hand"}""");

        using var scope = app.Services.CreateScope();
        var events = await scope.ServiceProvider.GetRequiredService<IGoalService>().ListEventsAsync(owner.UserId, goalId);

        Assert.Equal(["MCP", "MCP", null], events.Value!.OrderBy(e => e.CreatedAt).Select(e => e.Via));
    }

    internal static async Task<JsonElement> RestAsync(HttpClient client, string path) =>
        await (await client.GetAsync(path)).DataAsync();

    internal static void AssertSame(JsonElement rest, JsonElement tool) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(rest.GetRawText()), JsonNode.Parse(tool.GetRawText())),
            $"REST answered {rest}\nthe tool answered {tool}");
}
