using System.Net;
using Strive.Web.Tests.Infrastructure;
using static Strive.Web.Tests.Api.ApiTestHelpers;

namespace Strive.Web.Tests.Api;

/// <summary>docs/api/API.md "Public goals": anyone with the read scope reads a public goal and its milestones; nothing else opens.</summary>
public sealed class PublicGoalsApiTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    [Fact]
    public async Task PublicGoal_IsReadByAKeyOfSomeoneNotOnIt_GoalAndMilestones()
    {
        var (_, goalId, milestoneId) = await SeedAsync(isPublic: true);
        var outsider = await app.CreateCallerAsync();

        var goal = await (await outsider.Client.GetAsync($"/api/v1/goals/{goalId}")).DataAsync();
        var list = await (await outsider.Client.GetAsync($"/api/v1/goals/{goalId}/milestones")).DataAsync();
        var single = await (await outsider.Client.GetAsync($"/api/v1/goals/{goalId}/milestones/{milestoneId}")).DataAsync();

        Assert.Equal("Climb Kilimanjaro", goal.GetProperty("title").GetString());
        Assert.True(goal.GetProperty("isPublic").GetBoolean());
        Assert.Equal(["Train", "Fly out"], list.EnumerateArray().Select(m => m.GetProperty("content").GetString()));
        Assert.Equal("Train", single.GetProperty("content").GetString());
    }

    [Fact]
    public async Task PublicGoal_AnswersItsETag_AndNotModified_ToAnOutsiderToo()
    {
        var (_, goalId, _) = await SeedAsync(isPublic: true);
        var outsider = await app.CreateCallerAsync();

        var first = await outsider.Client.GetAsync($"/api/v1/goals/{goalId}/milestones");
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/goals/{goalId}/milestones");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await outsider.Client.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task PrivateGoal_StaysForbiddenToOutsiders_AndUnknownGoalsNotFound()
    {
        var (_, goalId, milestoneId) = await SeedAsync(isPublic: false);
        var outsider = await app.CreateCallerAsync();

        foreach (var path in new[]
                 {
                     $"/api/v1/goals/{goalId}", $"/api/v1/goals/{goalId}/milestones",
                     $"/api/v1/goals/{goalId}/milestones/{milestoneId}",
                 })
        {
            await (await outsider.Client.GetAsync(path))
                .AssertErrorAsync(HttpStatusCode.Forbidden, "You are not a stakeholder of this goal");
        }

        await (await outsider.Client.GetAsync("/api/v1/goals/nope")).AssertErrorAsync(HttpStatusCode.NotFound, "Goal not found");
    }

    [Fact]
    public async Task PublicGoal_RefusesEveryWriteAndTheSupportsToAnOutsider()
    {
        var (_, goalId, milestoneId) = await SeedAsync(isPublic: true);
        var outsider = await app.CreateCallerAsync();
        var client = outsider.Client;

        await (await client.PatchJsonAsync($"/api/v1/goals/{goalId}", """{"title": "Mine now"}"""))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "Only admins can update goals");
        await (await client.PostJsonAsync($"/api/v1/goals/{goalId}/milestones", """{"content": "Sneak in"}"""))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "Only admins and achievers can create milestones");
        await (await client.PatchJsonAsync($"/api/v1/goals/{goalId}/milestones/{milestoneId}", """{"status": "succeeded"}"""))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "Only admins and achievers can update milestones");
        await (await client.PutJsonAsync($"/api/v1/goals/{goalId}/milestones/order", $$"""{"ids": ["{{milestoneId}}"]}"""))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "Only admins and achievers can update milestones");
        await (await client.DeleteAsync($"/api/v1/goals/{goalId}/milestones/{milestoneId}"))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "Only admins can delete milestones");
        await (await client.GetAsync($"/api/v1/goals/{goalId}/supports"))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "You are not a stakeholder of this goal");
    }

    [Fact]
    public async Task GoalList_StillHoldsOnlyTheCallersOwnGoals()
    {
        var (_, publicGoal, _) = await SeedAsync(isPublic: true);
        var outsider = await app.CreateCallerAsync();
        var own = await outsider.CreateGoalAsync("Mine");

        var list = await (await outsider.Client.GetAsync("/api/v1/goals")).DataAsync();

        var ids = list.EnumerateArray().Select(g => g.GetProperty("id").GetString()).ToList();
        Assert.Equal([own], ids);
        Assert.DoesNotContain(publicGoal, ids);
    }

    [Fact]
    public async Task PublicGoal_NeedsTheReadScopeAsEverRead()
    {
        var (_, goalId, _) = await SeedAsync(isPublic: true);
        var outsider = await app.CreateCallerAsync(scopes: ["user:read"]);

        var response = await outsider.Client.GetAsync($"/api/v1/goals/{goalId}");

        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "Forbidden");
    }

    private async Task<(ApiCaller Owner, string GoalId, string MilestoneId)> SeedAsync(bool isPublic)
    {
        var owner = await app.CreateCallerAsync();
        var goal = await (await owner.Client.PostJsonAsync("/api/v1/goals",
                $$"""{"title": "Climb Kilimanjaro", "publicity": "{{(isPublic ? "public" : "private")}}"}"""))
            .DataAsync(HttpStatusCode.Created);
        var goalId = goal.GetProperty("id").GetString()!;
        var milestoneId = await owner.CreateMilestoneIdAsync(goalId, "Train");
        await owner.CreateMilestoneIdAsync(goalId, "Fly out");
        return (owner, goalId, milestoneId);
    }
}
