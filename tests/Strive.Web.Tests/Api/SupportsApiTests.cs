using System.Net;
using Strive.Domain.ApiKeys;
using Strive.Domain.Goals;
using Strive.Web.Tests.Infrastructure;
using static Strive.Web.Tests.Api.ApiTestHelpers;

namespace Strive.Web.Tests.Api;

/// <summary>docs/api/API.md "Supports": pledging and deciding over HTTP, with every documented refusal.</summary>
public sealed class SupportsApiTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    private static string Supports(string goalId, string? supportId = null) =>
        supportId is null ? $"/api/v1/goals/{goalId}/supports" : $"/api/v1/goals/{goalId}/supports/{supportId}";

    [Fact]
    public async Task Pledge_Returns201_WithTheWholeShape_AndALocation()
    {
        var (owner, supporter, goalId, milestoneId) = await GoalWithSupporterAsync();

        var response = await supporter.Client.PostJsonAsync(Supports(goalId),
            $$"""{"description": "A pair of running shoes", "milestoneId": "{{milestoneId}}"}""");
        var data = await response.DataAsync(HttpStatusCode.Created);

        AssertProperties(data, "id", "goalId", "milestoneId", "description", "status", "needsDecision", "note",
            "supporterId", "createdAt", "updatedAt");
        Assert.Equal(("open", supporter.UserId, milestoneId), (data.GetProperty("status").GetString(),
            data.GetProperty("supporterId").GetString(), data.GetProperty("milestoneId").GetString()));
        Assert.Equal(JsonValueKindNull, data.GetProperty("needsDecision").ValueKind);
        Assert.Equal($"/api/v1/goals/{goalId}/supports/{data.GetProperty("id").GetString()}",
            response.Headers.Location?.OriginalString);
        var listed = await (await owner.Client.GetAsync(Supports(goalId))).DataAsync();
        Assert.Equal("A pair of running shoes", listed[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task Pledge_ForTheWholeGoal_HasNoMilestone()
    {
        var (_, supporter, goalId, _) = await GoalWithSupporterAsync();

        var data = await (await supporter.Client.PostJsonAsync(Supports(goalId), """{"description": "A cheering crowd"}"""))
            .DataAsync(HttpStatusCode.Created);

        Assert.Equal(JsonValueKindNull, data.GetProperty("milestoneId").ValueKind);
    }

    [Fact]
    public async Task Pledge_Refusals_AnswerTheDocumentedErrors()
    {
        var (owner, supporter, goalId, milestoneId) = await GoalWithSupporterAsync();
        var deleted = await owner.CreateMilestoneIdAsync(goalId, "Gone");
        await owner.Client.DeleteAsync($"/api/v1/goals/{goalId}/milestones/{deleted}");
        var stranger = await app.CreateCallerAsync();

        await (await owner.Client.PostJsonAsync(Supports(goalId), """{"description": "Me too"}"""))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "Only supporters can pledge support");
        await (await stranger.Client.PostJsonAsync(Supports(goalId), """{"description": "Me too"}"""))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "Only supporters can pledge support");
        await (await supporter.Client.PostJsonAsync(Supports(goalId), "{}"))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "description is required and must be a string");
        await (await supporter.Client.PostJsonAsync(Supports(goalId), """{"description": 5}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "description is required and must be a string");
        await (await supporter.Client.PostJsonAsync(Supports(goalId), """{"description": "   "}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "description is required and must be a string");
        await (await supporter.Client.PostJsonAsync(Supports(goalId), $$"""{"description": "{{new string('x', 1001)}}"}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "description must be at most 1000 characters");
        await (await supporter.Client.PostJsonAsync(Supports(goalId), """{"description": "Shoes", "milestoneId": 7}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "milestoneId must be a string");
        await (await supporter.Client.PostJsonAsync(Supports(goalId), $$"""{"description": "Shoes", "milestoneId": "{{deleted}}"}"""))
            .AssertErrorAsync(HttpStatusCode.NotFound, "Milestone not found");
        await (await supporter.Client.PostJsonAsync(Supports("nope"), """{"description": "Shoes"}"""))
            .AssertErrorAsync(HttpStatusCode.NotFound, "Goal not found");
        await owner.Client.PatchJsonAsync($"/api/v1/goals/{goalId}/milestones/{milestoneId}", """{"status": "succeeded"}""");
        await (await supporter.Client.PostJsonAsync(Supports(goalId), $$"""{"description": "Shoes", "milestoneId": "{{milestoneId}}"}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "Support can only be pledged on a pending milestone");
    }

    [Fact]
    public async Task Decide_Refusals_AnswerTheDocumentedErrors()
    {
        var (owner, supporter, goalId, milestoneId) = await GoalWithSupporterAsync();
        var pledge = await PledgeAsync(supporter, goalId, milestoneId);

        await (await supporter.Client.PatchJsonAsync(Supports(goalId, pledge), """{"status": "accepted"}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "This support does not need a decision");
        await owner.Client.PatchJsonAsync($"/api/v1/goals/{goalId}/milestones/{milestoneId}", """{"status": "succeeded"}""");
        await (await owner.Client.PatchJsonAsync(Supports(goalId, pledge), """{"status": "accepted"}"""))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "Only the supporter who pledged can decide");
        await (await supporter.Client.PatchJsonAsync(Supports(goalId, pledge), """{"status": "open"}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "status must be one of: accepted, rejected");
        await (await supporter.Client.PatchJsonAsync(Supports(goalId, pledge), """{"note": "hi"}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "status must be one of: accepted, rejected");
        await (await supporter.Client.PatchJsonAsync(Supports(goalId, pledge), """{"status": "accepted", "note": 1}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "note must be a string");
        await (await supporter.Client.PatchJsonAsync(Supports(goalId, pledge), $$"""{"status": "accepted", "note": "{{new string('n', 1001)}}"}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "note must be at most 1000 characters");
        await (await supporter.Client.PatchJsonAsync(Supports(goalId, "nope"), """{"status": "accepted"}"""))
            .AssertErrorAsync(HttpStatusCode.NotFound, "Support not found");

        var decided = await (await supporter.Client.PatchJsonAsync(Supports(goalId, pledge), """{"status": "rejected"}""")).DataAsync();
        await (await supporter.Client.PatchJsonAsync(Supports(goalId, pledge), """{"status": "accepted"}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "This support does not need a decision");

        Assert.Equal(("rejected", JsonValueKindNull), (decided.GetProperty("status").GetString(), decided.GetProperty("note").ValueKind));
    }

    [Fact]
    public async Task Writes_NeedTheSupportsWriteScope()
    {
        var (_, supporter, goalId, _) = await GoalWithSupporterAsync();
        var readOnly = await app.CreateKeyAsync(supporter.UserId, [ApiKeyScopes.SupportsRead]);
        using var client = app.CreateClientWithKey(readOnly.RawKey);

        var pledge = await (await client.PostJsonAsync(Supports(goalId), """{"description": "Shoes"}"""))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "Forbidden");
        var decide = await (await client.PatchJsonAsync(Supports(goalId, "any"), """{"status": "accepted"}"""))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "Forbidden");

        Assert.Equal(["supports:write"], pledge.GetProperty("requiredScopes").EnumerateArray().Select(s => s.GetString()!));
        Assert.Equal(["supports:write"], decide.GetProperty("requiredScopes").EnumerateArray().Select(s => s.GetString()!));
    }

    [Fact]
    public async Task DeletingTheMilestone_RemovesItsPledges_AndRestoringBringsThemBack()
    {
        var (owner, supporter, goalId, milestoneId) = await GoalWithSupporterAsync();
        await PledgeAsync(supporter, goalId, milestoneId);

        await owner.Client.DeleteAsync($"/api/v1/goals/{goalId}/milestones/{milestoneId}");
        var whileDeleted = await (await owner.Client.GetAsync(Supports(goalId))).DataAsync();
        await owner.Client.PostAsync(new Uri($"/api/v1/goals/{goalId}/milestones/{milestoneId}/restore", UriKind.Relative), null);
        var restored = await (await owner.Client.GetAsync(Supports(goalId))).DataAsync();

        Assert.Equal(0, whileDeleted.GetArrayLength());
        Assert.Equal(1, restored.GetArrayLength());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private async Task<(ApiCaller Owner, ApiCaller Supporter, string GoalId, string MilestoneId)> GoalWithSupporterAsync()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var milestoneId = await owner.CreateMilestoneIdAsync(goalId, "Run 5 km");
        var supporter = await app.CreateCallerAsync();
        await app.JoinAsync(supporter, goalId, StakeholderRoles.Supporter);
        return (owner, supporter, goalId, milestoneId);
    }

    private static async Task<string> PledgeAsync(ApiCaller supporter, string goalId, string milestoneId)
    {
        var data = await (await supporter.Client.PostJsonAsync(Supports(goalId),
            $$"""{"description": "A pair of running shoes", "milestoneId": "{{milestoneId}}"}""")).DataAsync(HttpStatusCode.Created);
        return data.GetProperty("id").GetString()!;
    }
}
