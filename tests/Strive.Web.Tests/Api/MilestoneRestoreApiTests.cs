using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Strive.Domain.ApiKeys;
using Strive.Domain.Goals;
using Strive.Domain.Supports;
using Strive.Web.Tests.Infrastructure;
using static Strive.Web.Tests.Api.ApiTestHelpers;

namespace Strive.Web.Tests.Api;

/// <summary>The app with a clock the tests move, to reach the end of the 30-day restore window.</summary>
public sealed class RestoreClockAppFactory : StriveAppFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>docs/api/API.md "Restoring a deleted milestone", every documented status, over HTTP.</summary>
public sealed class MilestoneRestoreApiTests(RestoreClockAppFactory app) : IClassFixture<RestoreClockAppFactory>
{
    private static string Path(string goalId, string? milestoneId = null) =>
        milestoneId is null ? $"/api/v1/goals/{goalId}/milestones" : $"/api/v1/goals/{goalId}/milestones/{milestoneId}";

    private static Task<HttpResponseMessage> RestoreAsync(ApiCaller caller, string goalId, string milestoneId) =>
        caller.Client.PostAsync(new Uri($"{Path(goalId, milestoneId)}/restore", UriKind.Relative), content: null);

    [Fact]
    public async Task Restore_Returns200_WithTheMilestoneBackAtItsPlace_StatusSubtasksCountersAndSupports()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var a = await owner.CreateMilestoneIdAsync(goalId, "A");
        var b = (await owner.CreateMilestoneAsync(goalId,
            """{"content": "B", "order": 1, "subtasks": [{"content": "Buy shoes", "completed": true}]}""")).GetProperty("id").GetString()!;
        var c = await owner.CreateMilestoneIdAsync(goalId, "C");
        var supporter = await app.CreateCallerAsync();
        await app.JoinAsync(supporter, goalId, StakeholderRoles.Supporter);
        await PledgeAsync(supporter.UserId, goalId, b);
        await owner.Client.PatchJsonAsync(Path(goalId, b), """{"status": "failed"}""");
        await (await owner.Client.DeleteAsync(Path(goalId, b))).DataAsync();
        var supportsWhileDeleted = await (await owner.Client.GetAsync($"/api/v1/goals/{goalId}/supports")).DataAsync();

        var data = await (await RestoreAsync(owner, goalId, b)).DataAsync();

        Assert.Equal(0, supportsWhileDeleted.GetArrayLength());
        AssertProperties(data, "id", "content", "description", "status", "order", "deadline", "subtasks", "finishedAt",
            "createdAt", "updatedAt");
        Assert.Equal((b, "failed", 1), (data.GetProperty("id").GetString(), data.GetProperty("status").GetString(),
            data.GetProperty("order").GetInt32()));
        Assert.True(data.GetProperty("subtasks")[0].GetProperty("completed").GetBoolean());
        var list = await (await owner.Client.GetAsync(Path(goalId))).DataAsync();
        Assert.Equal([a, b, c], list.EnumerateArray().Select(m => m.GetProperty("id").GetString()!));
        Assert.Equal([0, 1, 2], list.EnumerateArray().Select(m => m.GetProperty("order").GetInt32()));
        var goal = await (await owner.Client.GetAsync($"/api/v1/goals/{goalId}")).DataAsync();
        Assert.Equal((3, 1), (goal.GetProperty("tasksTotal").GetInt32(), goal.GetProperty("tasksCompleted").GetInt32()));
        var supports = await (await owner.Client.GetAsync($"/api/v1/goals/{goalId}/supports")).DataAsync();
        Assert.Equal([b], supports.EnumerateArray().Select(s => s.GetProperty("milestoneId").GetString()!));
    }

    [Fact]
    public async Task Restore_WhenTheGoalIsShorterNow_PutsItLast()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var a = await owner.CreateMilestoneIdAsync(goalId, "A");
        var b = await owner.CreateMilestoneIdAsync(goalId, "B");
        var c = await owner.CreateMilestoneIdAsync(goalId, "C");
        await owner.Client.DeleteAsync(Path(goalId, c));
        await owner.Client.DeleteAsync(Path(goalId, a));

        var data = await (await RestoreAsync(owner, goalId, c)).DataAsync();

        Assert.Equal(1, data.GetProperty("order").GetInt32());
        var list = await (await owner.Client.GetAsync(Path(goalId))).DataAsync();
        Assert.Equal([b, c], list.EnumerateArray().Select(m => m.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task Restore_ThirtyDaysAndOneMillisecondAfterTheDelete_Returns404()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var a = await owner.CreateMilestoneIdAsync(goalId, "A");
        await owner.Client.DeleteAsync(Path(goalId, a));

        app.Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMilliseconds(1));
        var response = await RestoreAsync(owner, goalId, a);

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "Milestone not found");
        Assert.Equal(0, (await (await owner.Client.GetAsync(Path(goalId))).DataAsync()).GetArrayLength());
    }

    [Fact]
    public async Task Restore_OfALiveOrUnknownMilestone_Returns404()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var live = await owner.CreateMilestoneIdAsync(goalId, "A");

        await (await RestoreAsync(owner, goalId, live)).AssertErrorAsync(HttpStatusCode.NotFound, "Milestone not found");
        await (await RestoreAsync(owner, goalId, "nope")).AssertErrorAsync(HttpStatusCode.NotFound, "Milestone not found");
        await (await RestoreAsync(owner, "no-goal", live)).AssertErrorAsync(HttpStatusCode.NotFound, "Goal not found");
    }

    [Theory]
    [InlineData(StakeholderRoles.Achiever)]
    [InlineData(StakeholderRoles.Spectator)]
    public async Task Restore_ByAStakeholderWhoIsNotAdmin_Returns403(StakeholderRoles role)
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var a = await owner.CreateMilestoneIdAsync(goalId, "A");
        await owner.Client.DeleteAsync(Path(goalId, a));
        var other = await app.CreateCallerAsync();
        await app.JoinAsync(other, goalId, role);

        var response = await RestoreAsync(other, goalId, a);

        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "Only admins can restore milestones");
    }

    [Fact]
    public async Task Restore_WithoutTheWriteScope_Returns403NamingIt_AndWithoutAKey401()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var a = await owner.CreateMilestoneIdAsync(goalId, "A");
        await owner.Client.DeleteAsync(Path(goalId, a));
        var readOnly = await app.CreateKeyAsync(owner.UserId, [ApiKeyScopes.MilestonesRead]);
        using var readOnlyClient = app.CreateClientWithKey(readOnly.RawKey);
        using var anonymous = app.CreateClientWithKey(null);
        var restore = new Uri($"{Path(goalId, a)}/restore", UriKind.Relative);

        var body = await (await readOnlyClient.PostAsync(restore, null)).AssertErrorAsync(HttpStatusCode.Forbidden, "Forbidden");
        await (await anonymous.PostAsync(restore, null)).AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authenticated");

        Assert.Equal(["milestones:write"], body.GetProperty("requiredScopes").EnumerateArray().Select(s => s.GetString()!));
    }

    /// <summary>Through the domain: this test is about restoring, not about pledging (see SupportsApiTests).</summary>
    private async Task PledgeAsync(string supporterId, string goalId, string milestoneId)
    {
        using var scope = app.Services.CreateScope();
        var supports = scope.ServiceProvider.GetRequiredService<ISupportService>();
        var pledged = await supports.PledgeAsync(supporterId, goalId, milestoneId, "A pair of running shoes");
        Assert.True(pledged.IsSuccess, pledged.Error?.Message);
    }
}
