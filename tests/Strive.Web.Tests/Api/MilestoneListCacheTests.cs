using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.Api;

/// <summary>
/// The list's kept answer (issue 11) is never stale: a change made through the domain services, as the board
/// makes it, shows in the very next <c>GET /api/v1/goals/:goalId/milestones</c>, and a caller who lost access is
/// refused on the very next request, whatever this instance kept for the goal (its body, or its access check:
/// docs/decisions/010-goal-gate-in-memory.md).
/// </summary>
public sealed class MilestoneListCacheTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    private static string Path(string goalId) => $"/api/v1/goals/{goalId}/milestones";

    private async Task<(ApiCaller Owner, string GoalId, string[] Ids)> GoalOfThreeAsync()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        string[] ids =
        [
            await owner.CreateMilestoneIdAsync(goalId, "First"),
            await owner.CreateMilestoneIdAsync(goalId, "Second"),
            await owner.CreateMilestoneIdAsync(goalId, "Third"),
        ];
        return (owner, goalId, ids);
    }

    /// <summary>Lists twice, so that the second answer is the kept one, and checks both say the same.</summary>
    private static async Task<JsonElement> ListTwiceAsync(ApiCaller caller, string goalId)
    {
        var first = await caller.Client.GetAsync(Path(goalId));
        var firstBody = await first.Content.ReadAsStringAsync();
        var second = await caller.Client.GetAsync(Path(goalId));
        Assert.Equal(firstBody, await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        return await second.DataAsync();
    }

    private static string[] Contents(JsonElement list) =>
        [.. list.EnumerateArray().Select(m => m.GetProperty("content").GetString()!)];

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        using var scope = app.Services.CreateScope();
        return await use(scope.ServiceProvider);
    }

    [Fact]
    public async Task AMoveThroughTheDomain_ShowsInTheNextList()
    {
        var (owner, goalId, ids) = await GoalOfThreeAsync();
        var before = await owner.Client.GetAsync(Path(goalId));
        Assert.Equal(["First", "Second", "Third"], Contents(await ListTwiceAsync(owner, goalId)));

        var moved = await WithAsync(s => s.GetRequiredService<IMilestoneService>().MoveAsync(owner.UserId, goalId, ids[2], 0));
        Assert.True(moved.IsSuccess, moved.Error?.Message);

        var after = await owner.Client.GetAsync(Path(goalId));
        Assert.Equal(["Third", "First", "Second"], Contents(await after.DataAsync()));
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task AStatusChangeThroughTheDomain_ShowsInTheNextList()
    {
        var (owner, goalId, ids) = await GoalOfThreeAsync();
        await ListTwiceAsync(owner, goalId);

        var changed = await WithAsync(s => s.GetRequiredService<IMilestoneService>().UpdateAsync(owner.UserId, goalId,
            ids[1], new MilestoneChanges { Status = MilestoneStatus.Succeeded }));
        Assert.True(changed.IsSuccess, changed.Error?.Message);

        var list = await (await owner.Client.GetAsync(Path(goalId))).DataAsync();
        Assert.Equal("succeeded", list[1].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, list[1].GetProperty("finishedAt").ValueKind);
    }

    [Fact]
    public async Task ADeleteAndARestoreThroughTheDomain_ShowInTheNextLists()
    {
        var (owner, goalId, ids) = await GoalOfThreeAsync();
        await ListTwiceAsync(owner, goalId);
        using var scope = app.Services.CreateScope();
        var milestones = scope.ServiceProvider.GetRequiredService<IMilestoneService>();

        var deleted = await milestones.DeleteAsync(owner.UserId, goalId, ids[0]);
        Assert.True(deleted.IsSuccess, deleted.Error?.Message);
        Assert.Equal(["Second", "Third"], Contents(await ListTwiceAsync(owner, goalId)));

        var restored = await milestones.RestoreAsync(owner.UserId, goalId, ids[0]);
        Assert.True(restored.IsSuccess, restored.Error?.Message);
        Assert.Equal(["First", "Second", "Third"], Contents(await (await owner.Client.GetAsync(Path(goalId))).DataAsync()));
    }

    [Fact]
    public async Task AChangeThroughTheApi_ShowsInTheNextList_AndTheOldTagNoLongerMatches()
    {
        var (owner, goalId, ids) = await GoalOfThreeAsync();
        var before = await owner.Client.GetAsync(Path(goalId));
        await ListTwiceAsync(owner, goalId);

        await (await owner.Client.PatchJsonAsync($"{Path(goalId)}/{ids[1]}", """{"content": "Second, edited"}"""))
            .DataAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Path(goalId), UriKind.Relative));
        request.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        var after = await owner.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(["First", "Second, edited", "Third"], Contents(await after.DataAsync()));
    }

    [Fact]
    public async Task AStakeholderRemoved_IsRefusedOnTheNextRequest_ThoughTheListWasKept()
    {
        var (owner, goalId, _) = await GoalOfThreeAsync();
        var member = await app.CreateCallerAsync();
        await app.JoinAsync(member, goalId, StakeholderRoles.Spectator);
        Assert.Equal(3, (await ListTwiceAsync(member, goalId)).GetArrayLength());

        var removed = await WithAsync(s => s.GetRequiredService<IStakeholderService>().RemoveAsync(owner.UserId, goalId,
            member.UserId));
        Assert.True(removed.IsSuccess, removed.Error?.Message);

        await (await member.Client.GetAsync(Path(goalId))).AssertErrorAsync(HttpStatusCode.Forbidden,
            "You are not a stakeholder of this goal");
        // The owner still gets the list, and a stranger never did.
        Assert.Equal(3, (await (await owner.Client.GetAsync(Path(goalId))).DataAsync()).GetArrayLength());
        var stranger = await app.CreateCallerAsync();
        await (await stranger.Client.GetAsync(Path(goalId))).AssertErrorAsync(HttpStatusCode.Forbidden,
            "You are not a stakeholder of this goal");
    }

    /// <summary>
    /// The list trusts this instance's change notices (docs/decisions/010-goal-gate-in-memory.md): without Redis the
    /// app is one instance (README "Running several instances"), and a second one writing to the same file unheard is
    /// not seen until a notice for the goal arrives. With Redis every instance hears every change: ScaleOutTests.
    /// </summary>
    [Fact]
    public async Task AMoveOnAnotherInstanceWithoutRedis_ShowsHereOnceThisInstanceHearsOfTheGoal()
    {
        var (owner, goalId, ids) = await GoalOfThreeAsync();
        Assert.Equal(["First", "Second", "Third"], Contents(await ListTwiceAsync(owner, goalId)));

        // A second app over the same database file, and no scale-out channel between the two.
        using (var other = StriveAppFactory.OverFile(app.DatabasePath))
        {
            using var scope = other.Services.CreateScope();
            var moved = await scope.ServiceProvider.GetRequiredService<IMilestoneService>()
                .MoveAsync(owner.UserId, goalId, ids[0], 2);
            Assert.True(moved.IsSuccess, moved.Error?.Message);
        }

        Assert.Equal(["First", "Second", "Third"], Contents(await (await owner.Client.GetAsync(Path(goalId))).DataAsync()));

        // What the Redis subscriber does when another instance announces a change.
        app.Services.GetRequiredService<IGoalChangeNotifier>().Publish(new GoalChange(goalId, owner.UserId, null));

        Assert.Equal(["Second", "Third", "First"], Contents(await (await owner.Client.GetAsync(Path(goalId))).DataAsync()));
    }

    [Fact]
    public async Task TheKeptAnswer_IsTheSameJsonAsTheApiWritesForEachMilestone()
    {
        var (owner, goalId, ids) = await GoalOfThreeAsync();
        await owner.Client.GetAsync(Path(goalId));

        var kept = await owner.Client.GetAsync(Path(goalId));
        Assert.Equal("application/json; charset=utf-8", kept.Content.Headers.ContentType?.ToString());
        var list = await kept.DataAsync();
        for (var i = 0; i < ids.Length; i++)
        {
            var one = await (await owner.Client.GetAsync($"{Path(goalId)}/{ids[i]}")).DataAsync();
            Assert.Equal(one.GetRawText(), list[i].GetRawText());
        }
    }
}
