using System.Net;
using System.Text.Json;
using Strive.Domain.Goals;
using Strive.Web.Tests.Infrastructure;
using static Strive.Web.Tests.Api.ApiTestHelpers;

namespace Strive.Web.Tests.Api;

/// <summary>Every row of docs/api/milestones.md and the milestone rules of docs/api/API.md, over HTTP.</summary>
public sealed class MilestonesApiTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    private static readonly string[] MilestoneFields =
        ["id", "content", "description", "status", "order", "deadline", "subtasks", "finishedAt", "createdAt", "updatedAt"];

    private static string Path(string goalId, string? milestoneId = null) =>
        milestoneId is null ? $"/api/v1/goals/{goalId}/milestones" : $"/api/v1/goals/{goalId}/milestones/{milestoneId}";

    private static void AssertMilestoneShape(JsonElement milestone)
    {
        AssertProperties(milestone, MilestoneFields);
        AssertTime(milestone.GetProperty("createdAt"));
        AssertTime(milestone.GetProperty("updatedAt"));
        Assert.Equal(JsonValueKind.Array, milestone.GetProperty("subtasks").ValueKind);
    }

    private static async Task<JsonElement> GoalAsync(ApiCaller caller, string goalId) =>
        await (await caller.Client.GetAsync($"/api/v1/goals/{goalId}")).DataAsync();

    [Fact]
    public async Task Create_WithContentAndDeadline_Returns201WithTheDocumentedShape()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();

        var response = await owner.Client.PostJsonAsync(Path(goalId),
            """{"content": "Complete first 5K run", "deadline": "2026-03-31T00:00:00.000Z"}""");

        var data = await response.DataAsync(HttpStatusCode.Created);
        AssertMilestoneShape(data);
        Assert.Equal("Complete first 5K run", data.GetProperty("content").GetString());
        Assert.Equal("", data.GetProperty("description").GetString());
        Assert.Equal("pending", data.GetProperty("status").GetString());
        Assert.Equal(0, data.GetProperty("order").GetInt32());
        Assert.Equal("2026-03-31T23:59:59.999Z", data.GetProperty("deadline").GetString());
        Assert.Equal(0, data.GetProperty("subtasks").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("finishedAt").ValueKind);
        Assert.Equal(data.GetProperty("createdAt").GetString(), data.GetProperty("updatedAt").GetString());
        Assert.Equal($"/api/v1/goals/{goalId}/milestones/{data.GetProperty("id").GetString()}",
            response.Headers.Location?.ToString());
        Assert.Equal(1, (await GoalAsync(owner, goalId)).GetProperty("tasksTotal").GetInt32());
    }

    [Fact]
    public async Task Create_WithEveryField_StoresThemAll()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();

        var data = await owner.CreateMilestoneAsync(goalId, """
            {"content": "  Long run  ", "description": "Slow and steady", "deadline": "2026-05-01T18:30:00+02:00",
             "subtasks": [{"content": "Plan route", "completed": true}, {"content": "Buy gels", "completed": false}],
             "unknownField": 42}
            """);

        Assert.Equal("Long run", data.GetProperty("content").GetString());
        Assert.Equal("Slow and steady", data.GetProperty("description").GetString());
        Assert.Equal("2026-05-01T23:59:59.999Z", data.GetProperty("deadline").GetString());
        var subtasks = data.GetProperty("subtasks");
        Assert.Equal(2, subtasks.GetArrayLength());
        Assert.Equal("Plan route", subtasks[0].GetProperty("content").GetString());
        Assert.True(subtasks[0].GetProperty("completed").GetBoolean());
        Assert.False(subtasks[1].GetProperty("completed").GetBoolean());
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"content": 5}""")]
    [InlineData("""{"content": null}""")]
    [InlineData("""{"content": "   "}""")]
    [InlineData("""{"description": "no content"}""")]
    public async Task Create_WithoutValidContent_Returns400(string body)
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();

        var response = await owner.Client.PostJsonAsync(Path(goalId), body);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "content is required and must be a string");
    }

    [Theory]
    [InlineData("""{"content": "x", "order": -1}""", "order must be a non-negative integer")]
    [InlineData("""{"content": "x", "order": 1.5}""", "order must be a non-negative integer")]
    [InlineData("""{"content": "x", "order": "2"}""", "order must be a non-negative integer")]
    [InlineData("""{"content": "x", "deadline": "next tuesday"}""", "deadline must be an ISO 8601 date or null")]
    [InlineData("""{"content": "x", "deadline": 20260331}""", "deadline must be an ISO 8601 date or null")]
    [InlineData("""{"content": "x", "deadline": "03/31/2026"}""", "deadline must be an ISO 8601 date or null")]
    [InlineData("""{"content": "x", "deadline": "2026-02-30"}""", "deadline must be an ISO 8601 date or null")]
    [InlineData("""{"content": "x", "description": 7}""", "description must be a string")]
    [InlineData("""{"content": "x", "subtasks": "a"}""", "subtasks must be an array of {content: string, completed: boolean}")]
    [InlineData("""{"content": "x", "subtasks": [{"content": 1}]}""", "subtasks must be an array of {content: string, completed: boolean}")]
    [InlineData("""{"content": "x", "subtasks": [{"content": "a", "completed": "yes"}]}""", "subtasks must be an array of {content: string, completed: boolean}")]
    public async Task Create_WithWrongFieldType_Returns400NamingTheField(string body, string error)
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();

        var response = await owner.Client.PostJsonAsync(Path(goalId), body);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, error);
    }

    [Fact]
    public async Task Create_PastTheLimits_Returns400NamingTheField()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var tooLong = new string('a', 501);
        var subtasks = string.Join(",", Enumerable.Repeat("""{"content": "s", "completed": false}""", 101));

        var content = await owner.Client.PostJsonAsync(Path(goalId), $$"""{"content": "{{tooLong}}"}""");
        var description = await owner.Client.PostJsonAsync(Path(goalId),
            $$"""{"content": "x", "description": "{{new string('d', 5001)}}"}""");
        var manySubtasks = await owner.Client.PostJsonAsync(Path(goalId), $$"""{"content": "x", "subtasks": [{{subtasks}}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, content.StatusCode);
        Assert.StartsWith("content", (await content.JsonAsync()).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, description.StatusCode);
        Assert.StartsWith("description", (await description.JsonAsync()).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, manySubtasks.StatusCode);
        Assert.StartsWith("subtasks", (await manySubtasks.JsonAsync()).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_AsSupporter_Returns403()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var supporter = await app.CreateCallerAsync();
        await app.JoinAsync(supporter, goalId, StakeholderRoles.Supporter | StakeholderRoles.Spectator);

        var response = await supporter.Client.PostJsonAsync(Path(goalId), """{"content": "x"}""");

        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "Only admins and achievers can create milestones");
    }

    [Fact]
    public async Task Create_ForUnknownGoal_Returns404()
    {
        var caller = await app.CreateCallerAsync();

        var response = await caller.Client.PostJsonAsync(Path("no-such-goal"), """{"content": "x"}""");

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "Goal not found");
    }

    [Fact]
    public async Task Create_WithOrder_InsertsThereAndShiftsTheRestDown()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var a = await owner.CreateMilestoneIdAsync(goalId, "A");
        var b = await owner.CreateMilestoneIdAsync(goalId, "B");

        var inserted = await owner.CreateMilestoneAsync(goalId, """{"content": "Between", "order": 1}""");
        var atEnd = await owner.CreateMilestoneAsync(goalId, """{"content": "Far", "order": 99}""");

        Assert.Equal(1, inserted.GetProperty("order").GetInt32());
        Assert.Equal(3, atEnd.GetProperty("order").GetInt32());
        var list = await (await owner.Client.GetAsync(Path(goalId))).DataAsync();
        Assert.Equal([a, inserted.GetProperty("id").GetString()!, b, atEnd.GetProperty("id").GetString()!],
            list.EnumerateArray().Select(m => m.GetProperty("id").GetString()!));
        Assert.Equal([0, 1, 2, 3], list.EnumerateArray().Select(m => m.GetProperty("order").GetInt32()));
    }

    [Fact]
    public async Task Create_WithoutOrder_InsertsFirstAndShiftsTheOthers()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var a = await owner.CreateMilestoneIdAsync(goalId, "A");
        var b = await owner.CreateMilestoneIdAsync(goalId, "B");

        var created = await owner.CreateMilestoneAsync(goalId, """{"content": "New"}""");

        // milestones.md: "order" defaults to 0, and its example answers 0 for a goal that has two already.
        Assert.Equal(0, created.GetProperty("order").GetInt32());
        var list = await (await owner.Client.GetAsync(Path(goalId))).DataAsync();
        Assert.Equal([created.GetProperty("id").GetString()!, a, b],
            list.EnumerateArray().Select(m => m.GetProperty("id").GetString()!));
        Assert.Equal([0, 1, 2], list.EnumerateArray().Select(m => m.GetProperty("order").GetInt32()));
    }

    [Fact]
    public async Task List_ReturnsLiveMilestonesInOrderWithTheWholeShape()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        await owner.CreateMilestoneIdAsync(goalId, "First");
        var deleted = await owner.CreateMilestoneIdAsync(goalId, "Deleted");
        await owner.CreateMilestoneIdAsync(goalId, "Last");
        await owner.Client.DeleteAsync(Path(goalId, deleted));

        var list = await (await owner.Client.GetAsync(Path(goalId))).DataAsync();

        Assert.Equal(["First", "Last"], list.EnumerateArray().Select(m => m.GetProperty("content").GetString()!));
        Assert.Equal([0, 1], list.EnumerateArray().Select(m => m.GetProperty("order").GetInt32()));
        foreach (var milestone in list.EnumerateArray())
        {
            AssertMilestoneShape(milestone);
        }
    }

    [Fact]
    public async Task List_ForNonStakeholder_Returns403()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var stranger = await app.CreateCallerAsync();

        var response = await stranger.Client.GetAsync(Path(goalId));

        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "You are not a stakeholder of this goal");
    }

    [Fact]
    public async Task List_ForUnknownGoal_Returns404()
    {
        var caller = await app.CreateCallerAsync();

        var response = await caller.Client.GetAsync(Path("no-such-goal"));

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "Goal not found");
    }

    [Fact]
    public async Task Get_ReturnsTheMilestone()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var created = await owner.CreateMilestoneAsync(goalId, """{"content": "Run", "deadline": "2026-06-30"}""");
        var id = created.GetProperty("id").GetString()!;

        var data = await (await owner.Client.GetAsync(Path(goalId, id))).DataAsync();

        AssertMilestoneShape(data);
        Assert.Equal(created.ToString(), data.ToString());
        Assert.Equal("2026-06-30T23:59:59.999Z", data.GetProperty("deadline").GetString());
    }

    [Fact]
    public async Task Get_ForNonStakeholder_Returns403()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var id = await owner.CreateMilestoneIdAsync(goalId, "Run");
        var stranger = await app.CreateCallerAsync();

        var response = await stranger.Client.GetAsync(Path(goalId, id));

        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "You are not a stakeholder of this goal");
    }

    [Fact]
    public async Task Get_UnknownDeletedOrOtherGoalsMilestone_Returns404()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var otherGoal = await owner.CreateGoalAsync("Other");
        var foreign = await owner.CreateMilestoneIdAsync(otherGoal, "Elsewhere");
        var deleted = await owner.CreateMilestoneIdAsync(goalId, "Gone");
        await owner.Client.DeleteAsync(Path(goalId, deleted));

        foreach (var id in new[] { "no-such-milestone", foreign, deleted })
        {
            var response = await owner.Client.GetAsync(Path(goalId, id));
            await response.AssertErrorAsync(HttpStatusCode.NotFound, "Milestone not found");
        }
    }

    [Fact]
    public async Task Update_StatusToSucceeded_SetsFinishedAtAndCountsIt()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var id = await owner.CreateMilestoneIdAsync(goalId, "Run");

        var done = await (await owner.Client.PatchJsonAsync(Path(goalId, id), """{"status": "succeeded"}""")).DataAsync();
        var goalAfterDone = await GoalAsync(owner, goalId);
        var reopened = await (await owner.Client.PatchJsonAsync(Path(goalId, id), """{"status": "pending"}""")).DataAsync();
        var goalAfterReopen = await GoalAsync(owner, goalId);

        AssertMilestoneShape(done);
        Assert.Equal("succeeded", done.GetProperty("status").GetString());
        AssertTime(done.GetProperty("finishedAt"));
        Assert.Equal(1, goalAfterDone.GetProperty("tasksCompleted").GetInt32());
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("finishedAt").ValueKind);
        Assert.Equal(0, goalAfterReopen.GetProperty("tasksCompleted").GetInt32());
    }

    [Fact]
    public async Task Update_SeveralFields_ChangesOnlyThose()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var created = await owner.CreateMilestoneAsync(goalId,
            """{"content": "Run", "description": "keep", "deadline": "2026-03-31"}""");
        var id = created.GetProperty("id").GetString()!;

        var updated = await (await owner.Client.PatchJsonAsync(Path(goalId, id),
            """{"content": "Run far", "status": "failed", "subtasks": [{"content": "a", "completed": true}], "ignored": 1}"""))
            .DataAsync();
        var cleared = await (await owner.Client.PatchJsonAsync(Path(goalId, id), """{"deadline": null}""")).DataAsync();

        Assert.Equal("Run far", updated.GetProperty("content").GetString());
        Assert.Equal("keep", updated.GetProperty("description").GetString());
        Assert.Equal("failed", updated.GetProperty("status").GetString());
        Assert.Equal("2026-03-31T23:59:59.999Z", updated.GetProperty("deadline").GetString());
        Assert.Equal(1, updated.GetProperty("subtasks").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("deadline").ValueKind);
    }

    [Fact]
    public async Task Update_Order_MovesTheMilestoneAndShiftsTheOthers()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var a = await owner.CreateMilestoneIdAsync(goalId, "A");
        var b = await owner.CreateMilestoneIdAsync(goalId, "B");
        var c = await owner.CreateMilestoneIdAsync(goalId, "C");

        var moved = await (await owner.Client.PatchJsonAsync(Path(goalId, c), """{"order": 0}""")).DataAsync();

        Assert.Equal(0, moved.GetProperty("order").GetInt32());
        var list = await (await owner.Client.GetAsync(Path(goalId))).DataAsync();
        Assert.Equal([c, a, b], list.EnumerateArray().Select(m => m.GetProperty("id").GetString()!));
        Assert.Equal([0, 1, 2], list.EnumerateArray().Select(m => m.GetProperty("order").GetInt32()));
    }

    [Fact]
    public async Task Update_OrderPastTheEnd_MovesToTheEnd()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var a = await owner.CreateMilestoneIdAsync(goalId, "A");
        var b = await owner.CreateMilestoneIdAsync(goalId, "B");

        var moved = await (await owner.Client.PatchJsonAsync(Path(goalId, a), """{"order": 42}""")).DataAsync();

        Assert.Equal(1, moved.GetProperty("order").GetInt32());
        var list = await (await owner.Client.GetAsync(Path(goalId))).DataAsync();
        Assert.Equal([b, a], list.EnumerateArray().Select(m => m.GetProperty("id").GetString()!));
    }

    [Theory]
    [InlineData("""{"order": -1}""")]
    [InlineData("""{"order": 1.5}""")]
    [InlineData("""{"order": -1, "content": "Renamed"}""")]
    public async Task Update_WithNegativeOrFractionalOrder_Returns400AndChangesNothing(string body)
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var id = await owner.CreateMilestoneIdAsync(goalId, "Run");

        var response = await owner.Client.PatchJsonAsync(Path(goalId, id), body);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "order must be a non-negative integer");
        var stored = await (await owner.Client.GetAsync(Path(goalId, id))).DataAsync();
        Assert.Equal("Run", stored.GetProperty("content").GetString());
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"unknown": "field", "id": "x"}""")]
    public async Task Update_WithNoRecognisedField_Returns400(string body)
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var id = await owner.CreateMilestoneIdAsync(goalId, "Run");

        var response = await owner.Client.PatchJsonAsync(Path(goalId, id), body);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "No valid fields to update");
    }

    [Theory]
    [InlineData("""{"status": "done"}""")]
    [InlineData("""{"status": 1}""")]
    [InlineData("""{"status": null}""")]
    public async Task Update_WithInvalidStatus_Returns400(string body)
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var id = await owner.CreateMilestoneIdAsync(goalId, "Run");

        var response = await owner.Client.PatchJsonAsync(Path(goalId, id), body);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "status must be one of: pending, succeeded, failed");
    }

    [Fact]
    public async Task Update_AsSpectator_Returns403()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var id = await owner.CreateMilestoneIdAsync(goalId, "Run");
        var spectator = await app.CreateCallerAsync();
        await app.JoinAsync(spectator, goalId, StakeholderRoles.Spectator);

        var response = await spectator.Client.PatchJsonAsync(Path(goalId, id), """{"status": "succeeded"}""");

        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "Only admins and achievers can update milestones");
    }

    [Fact]
    public async Task Update_UnknownOrDeletedMilestone_Returns404()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var deleted = await owner.CreateMilestoneIdAsync(goalId, "Gone");
        await owner.Client.DeleteAsync(Path(goalId, deleted));

        var unknown = await owner.Client.PatchJsonAsync(Path(goalId, "nope"), """{"status": "succeeded"}""");
        var gone = await owner.Client.PatchJsonAsync(Path(goalId, deleted), """{"status": "succeeded"}""");

        await unknown.AssertErrorAsync(HttpStatusCode.NotFound, "Milestone not found");
        await gone.AssertErrorAsync(HttpStatusCode.NotFound, "Milestone not found");
    }

    [Fact]
    public async Task Delete_SoftDeletesAndKeepsOrdersAndCountersInStep()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var a = await owner.CreateMilestoneIdAsync(goalId, "A");
        var b = await owner.CreateMilestoneIdAsync(goalId, "B");
        var c = await owner.CreateMilestoneIdAsync(goalId, "C");
        await owner.Client.PatchJsonAsync(Path(goalId, a), """{"status": "succeeded"}""");

        var response = await owner.Client.DeleteAsync(Path(goalId, a));

        var data = await response.DataAsync();
        AssertProperties(data, "id", "deleted");
        Assert.Equal(a, data.GetProperty("id").GetString());
        Assert.True(data.GetProperty("deleted").GetBoolean());
        var list = await (await owner.Client.GetAsync(Path(goalId))).DataAsync();
        Assert.Equal([b, c], list.EnumerateArray().Select(m => m.GetProperty("id").GetString()!));
        Assert.Equal([0, 1], list.EnumerateArray().Select(m => m.GetProperty("order").GetInt32()));
        var goal = await GoalAsync(owner, goalId);
        Assert.Equal(2, goal.GetProperty("tasksTotal").GetInt32());
        Assert.Equal(0, goal.GetProperty("tasksCompleted").GetInt32());
        await (await owner.Client.DeleteAsync(Path(goalId, a))).AssertErrorAsync(HttpStatusCode.NotFound, "Milestone not found");
    }

    [Fact]
    public async Task Delete_AsAchieverWhoIsNotAdmin_Returns403()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var id = await owner.CreateMilestoneIdAsync(goalId, "Run");
        var achiever = await app.CreateCallerAsync();
        await app.JoinAsync(achiever, goalId, StakeholderRoles.Achiever);

        var response = await achiever.Client.DeleteAsync(Path(goalId, id));

        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "Only admins can delete milestones");
    }

    [Fact]
    public async Task Delete_UnknownMilestone_Returns404()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();

        var response = await owner.Client.DeleteAsync(Path(goalId, "nope"));

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "Milestone not found");
    }

    [Fact]
    public async Task Reorder_WithEveryIdOnce_ReturnsTheReorderedList()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var a = await owner.CreateMilestoneIdAsync(goalId, "A");
        var b = await owner.CreateMilestoneIdAsync(goalId, "B");
        var c = await owner.CreateMilestoneIdAsync(goalId, "C");

        var list = await (await owner.Client.PutJsonAsync(Path(goalId) + "/order",
            $$"""{"ids": ["{{c}}", "{{a}}", "{{b}}"]}""")).DataAsync();

        Assert.Equal([c, a, b], list.EnumerateArray().Select(m => m.GetProperty("id").GetString()!));
        Assert.Equal([0, 1, 2], list.EnumerateArray().Select(m => m.GetProperty("order").GetInt32()));
        AssertMilestoneShape(list[0]);
    }

    [Fact]
    public async Task Reorder_WithMissingDuplicateOrForeignIds_Returns400()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var a = await owner.CreateMilestoneIdAsync(goalId, "A");
        var b = await owner.CreateMilestoneIdAsync(goalId, "B");

        foreach (var body in new[]
                 {
                     $$"""{"ids": ["{{a}}"]}""", $$"""{"ids": ["{{a}}", "{{a}}"]}""",
                     $$"""{"ids": ["{{a}}", "{{b}}", "other"]}""", """{"ids": "a"}""", """{"ids": [1, 2]}""", "{}",
                 })
        {
            var response = await owner.Client.PutJsonAsync(Path(goalId) + "/order", body);
            await response.AssertErrorAsync(HttpStatusCode.BadRequest,
                "ids must list every milestone of the goal exactly once");
        }
    }
}
