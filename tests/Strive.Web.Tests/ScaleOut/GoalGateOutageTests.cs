using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Strive.Domain.Milestones;
using Strive.Tests.ScaleOut;
using Strive.Web.Api.V1;
using Strive.Web.Tests.Api;

namespace Strive.Web.Tests.ScaleOut;

/// <summary>
/// The list keeps its access check in memory only while every change is heard (docs/decisions/010): with Redis
/// away, an instance reads the database again, and once Redis is back it shows what changed while it was away.
/// A class of its own: it stops Redis.
/// </summary>
public sealed class GoalGateOutageTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    private static string[] Contents(System.Text.Json.JsonElement list) =>
        [.. list.EnumerateArray().Select(m => m.GetProperty("content").GetString()!)];

    [Fact]
    public async Task WhileRedisIsDown_TheListReadsTheDatabase_AndOnceBackShowsWhatChangedMeanwhile()
    {
        var (ownerId, _, key) = await instances.NewKeyHolderAsync();
        using var b = instances.B.NewClient(key);
        await instances.B.TrustedAsync();
        var goal = await (await b.PostJsonAsync("api/v1/goals", """{"title": "Run a marathon"}"""))
            .DataAsync(HttpStatusCode.Created);
        var goalId = goal.GetProperty("id").GetString()!;
        var ids = new List<string>();
        foreach (var content in new[] { "First", "Second", "Third" })
        {
            ids.Add((await (await b.PostJsonAsync($"api/v1/goals/{goalId}/milestones", $$"""{"content": "{{content}}", "order": 1000000}"""))
                .DataAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!);
        }

        var path = $"api/v1/goals/{goalId}/milestones";
        Assert.Equal(["First", "Second", "Third"], Contents(await (await b.GetAsync(path)).DataAsync()));
        Assert.Equal(["First", "Second", "Third"], Contents(await (await b.GetAsync(path)).DataAsync()));
        var kept = instances.B.Services.GetRequiredService<MilestoneListCache>().KnownVersion(goalId);
        Assert.NotNull(kept);

        await instances.Redis.StopAsync();
        await instances.B.TrustedAsync(false);
        // A change through A that B cannot hear of (the API answers 503 without Redis: the board's door).
        using (var scope = instances.A.Services.CreateScope())
        {
            var moved = await scope.ServiceProvider.GetRequiredService<IMilestoneService>()
                .MoveAsync(ownerId, goalId, ids[0], 2);
            Assert.True(moved.IsSuccess, moved.Error?.Message);
        }

        // B asks the database: the version it kept is no longer the goal's, so the list is read again.
        using (var scope = instances.B.Services.CreateScope())
        {
            var read = await scope.ServiceProvider.GetRequiredService<IMilestoneService>()
                .ListAsync(ownerId, goalId, kept);
            Assert.True(read.IsSuccess, read.Error?.Message);
            Assert.NotEqual(kept, read.Value.GoalVersion);
            Assert.Equal(["Second", "Third", "First"], read.Value.List!.Select(m => m.Content));
        }

        await instances.Redis.StartAgainAsync();
        await instances.B.TrustedAsync();
        var back = await RedisRecovery.UntilAvailableAsync(() => b.GetAsync(path));
        Assert.Equal(["Second", "Third", "First"], Contents(await back.DataAsync()));
        Assert.Equal(["Second", "Third", "First"], Contents(await (await b.GetAsync(path)).DataAsync()));
    }
}
