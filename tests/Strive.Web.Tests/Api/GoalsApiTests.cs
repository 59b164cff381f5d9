using System.Net;
using System.Text.Json;
using Strive.Domain.Goals;
using Strive.Web.Tests.Infrastructure;
using static Strive.Web.Tests.Api.ApiTestHelpers;

namespace Strive.Web.Tests.Api;

/// <summary>docs/api/API.md "Goals and stakeholders", over HTTP.</summary>
public sealed class GoalsApiTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    private static readonly string[] GoalFields =
    [
        "id", "title", "description", "isPublic", "status", "deadline", "numberOfAchievers", "numberOfSupporters",
        "tasksTotal", "tasksCompleted", "createdAt", "updatedAt",
    ];

    [Fact]
    public async Task Create_WithTitle_Returns201WithEveryFieldAndDefaults()
    {
        var caller = await app.CreateCallerAsync();

        var response = await caller.Client.PostJsonAsync("/api/v1/goals", """{"title": "Learn Go"}""");

        var goal = await response.DataAsync(HttpStatusCode.Created);
        AssertProperties(goal, GoalFields);
        Assert.Equal("Learn Go", goal.GetProperty("title").GetString());
        Assert.Equal("", goal.GetProperty("description").GetString());
        Assert.False(goal.GetProperty("isPublic").GetBoolean());
        Assert.Equal("pending", goal.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, goal.GetProperty("deadline").ValueKind);
        Assert.Equal(1, goal.GetProperty("numberOfAchievers").GetInt32());
        Assert.Equal(0, goal.GetProperty("numberOfSupporters").GetInt32());
        Assert.Equal(0, goal.GetProperty("tasksTotal").GetInt32());
        Assert.Equal(0, goal.GetProperty("tasksCompleted").GetInt32());
        AssertTime(goal.GetProperty("createdAt"));
        AssertTime(goal.GetProperty("updatedAt"));
    }

    [Fact]
    public async Task Create_PublicWithDeadline_StoresThem()
    {
        var caller = await app.CreateCallerAsync();

        var goal = await (await caller.Client.PostJsonAsync("/api/v1/goals",
            """{"title": "Marathon", "description": "42 km", "publicity": "public", "deadline": "2026-10-01T08:00:00Z"}"""))
            .DataAsync(HttpStatusCode.Created);

        Assert.True(goal.GetProperty("isPublic").GetBoolean());
        Assert.Equal("42 km", goal.GetProperty("description").GetString());
        Assert.Equal("2026-10-01T23:59:59.999Z", goal.GetProperty("deadline").GetString());
    }

    [Theory]
    [InlineData("""{}""", "title is required and must be a string")]
    [InlineData("""{"title": 3}""", "title is required and must be a string")]
    [InlineData("""{"title": ""}""", "title is required and must be a string")]
    [InlineData("""{"title": "x", "publicity": "secret"}""", "publicity must be one of: public, private")]
    [InlineData("""{"title": "x", "deadline": "soon"}""", "deadline must be an ISO 8601 date or null")]
    [InlineData("""{"title": "x", "description": false}""", "description must be a string")]
    public async Task Create_WithBadField_Returns400(string body, string error)
    {
        var caller = await app.CreateCallerAsync();

        var response = await caller.Client.PostJsonAsync("/api/v1/goals", body);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, error);
    }

    [Fact]
    public async Task List_ReturnsOnlyGoalsWhereTheCallerIsAStakeholder()
    {
        var caller = await app.CreateCallerAsync();
        var stranger = await app.CreateCallerAsync();
        var mine = await caller.CreateGoalAsync("Mine");
        var joined = await stranger.CreateGoalAsync("Joined");
        await stranger.CreateGoalAsync("Not mine");
        await app.JoinAsync(caller, joined, StakeholderRoles.Supporter);

        var goals = await (await caller.Client.GetAsync("/api/v1/goals")).DataAsync();

        var ids = goals.EnumerateArray().Select(g => g.GetProperty("id").GetString()!);
        Assert.Equal(new[] { joined, mine }.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        AssertProperties(goals[0], GoalFields);
    }

    [Fact]
    public async Task Get_ReturnsTheGoalWithCounters()
    {
        var caller = await app.CreateCallerAsync();
        var goalId = await caller.CreateGoalAsync();
        var done = await caller.CreateMilestoneIdAsync(goalId, "A");
        await caller.CreateMilestoneIdAsync(goalId, "B");
        await caller.Client.PatchJsonAsync($"/api/v1/goals/{goalId}/milestones/{done}", """{"status": "failed"}""");

        var goal = await (await caller.Client.GetAsync($"/api/v1/goals/{goalId}")).DataAsync();

        AssertProperties(goal, GoalFields);
        Assert.Equal(goalId, goal.GetProperty("id").GetString());
        Assert.Equal(2, goal.GetProperty("tasksTotal").GetInt32());
        Assert.Equal(1, goal.GetProperty("tasksCompleted").GetInt32());
    }

    [Fact]
    public async Task Get_ForNonStakeholder_Returns403_AndUnknownGoal_Returns404()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var stranger = await app.CreateCallerAsync();

        var forbidden = await stranger.Client.GetAsync($"/api/v1/goals/{goalId}");
        var missing = await stranger.Client.GetAsync("/api/v1/goals/no-such-goal");

        await forbidden.AssertErrorAsync(HttpStatusCode.Forbidden, "You are not a stakeholder of this goal");
        await missing.AssertErrorAsync(HttpStatusCode.NotFound, "Goal not found");
    }

    [Fact]
    public async Task Update_AsAdmin_ChangesTheGivenFields()
    {
        var caller = await app.CreateCallerAsync();
        var goalId = await caller.CreateGoalAsync("Old");

        var goal = await (await caller.Client.PatchJsonAsync($"/api/v1/goals/{goalId}",
            """{"title": "New", "status": "succeeded", "publicity": "public", "deadline": "2027-01-01", "other": 1}"""))
            .DataAsync();

        Assert.Equal("New", goal.GetProperty("title").GetString());
        Assert.Equal("succeeded", goal.GetProperty("status").GetString());
        Assert.True(goal.GetProperty("isPublic").GetBoolean());
        Assert.Equal("2027-01-01T23:59:59.999Z", goal.GetProperty("deadline").GetString());
    }

    [Theory]
    [InlineData("""{}""", "No valid fields to update")]
    [InlineData("""{"nothing": "known"}""", "No valid fields to update")]
    [InlineData("""{"status": "won"}""", "status must be one of: pending, succeeded, failed")]
    [InlineData("""{"publicity": true}""", "publicity must be one of: public, private")]
    [InlineData("""{"title": 1}""", "title must be a string")]
    public async Task Update_WithBadBody_Returns400(string body, string error)
    {
        var caller = await app.CreateCallerAsync();
        var goalId = await caller.CreateGoalAsync();

        var response = await caller.Client.PatchJsonAsync($"/api/v1/goals/{goalId}", body);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, error);
    }

    [Fact]
    public async Task Update_AsAchieverWhoIsNotAdmin_Returns403_AndUnknownGoal_Returns404()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var achiever = await app.CreateCallerAsync();
        await app.JoinAsync(achiever, goalId, StakeholderRoles.Achiever);

        var forbidden = await achiever.Client.PatchJsonAsync($"/api/v1/goals/{goalId}", """{"title": "Mine now"}""");
        var missing = await owner.Client.PatchJsonAsync("/api/v1/goals/no-such-goal", """{"title": "x"}""");

        await forbidden.AssertErrorAsync(HttpStatusCode.Forbidden, "Only admins can update goals");
        await missing.AssertErrorAsync(HttpStatusCode.NotFound, "Goal not found");
    }
}
