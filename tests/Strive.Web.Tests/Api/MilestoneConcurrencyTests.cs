using System.Net;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.Api;

/// <summary>
/// Many parallel requests on one goal all apply (racing writers replay, docs/decisions/002) and leave the
/// order and counter invariants intact.
/// </summary>
public sealed class MilestoneConcurrencyTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    [Fact]
    public async Task ParallelMovesCompletionsAndReorders_AllApply_AndKeepOrdersAndCountersRight()
    {
        var caller = await app.CreateCallerAsync();
        var goalId = await caller.CreateGoalAsync("Busy goal");
        var ids = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add(await caller.CreateMilestoneIdAsync(goalId, $"Step {i}"));
        }

        // Each milestone is completed once and moved once, while the whole list is reordered a few times.
        var path = $"/api/v1/goals/{goalId}/milestones";
        var targets = ids.Select((_, i) => (i * 3) % ids.Count).ToList();
        var reversed = string.Join(", ", Enumerable.Reverse(ids).Select(id => $"\"{id}\""));
        var completions = ids.Select(id => DataAsync(
            caller.Client.PatchJsonAsync($"{path}/{id}", """{"status": "succeeded"}"""))).ToList();
        var moves = ids.Select((id, i) => DataAsync(
            caller.Client.PatchJsonAsync($"{path}/{id}", $$"""{"order": {{targets[i]}}}"""))).ToList();
        var reorders = Enumerable.Range(0, 4).Select(_ => DataAsync(
            caller.Client.PutJsonAsync($"{path}/order", $$"""{"ids": [{{reversed}}]}"""))).ToList();

        var completed = await Task.WhenAll(completions);
        var moved = await Task.WhenAll(moves);
        var reordered = await Task.WhenAll(reorders);

        Assert.All(completed, m => Assert.Equal("succeeded", m.GetProperty("status").GetString()));
        Assert.Equal(targets, moved.Select(m => m.GetProperty("order").GetInt32()));
        Assert.All(reordered, list => Assert.Equal(ids.Count, list.GetArrayLength()));

        var list = await (await caller.Client.GetAsync(path)).DataAsync();
        Assert.Equal(Enumerable.Range(0, ids.Count), list.EnumerateArray().Select(m => m.GetProperty("order").GetInt32()));
        Assert.Equal(ids.Order(StringComparer.Ordinal),
            list.EnumerateArray().Select(m => m.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(list.EnumerateArray(), m => Assert.Equal("succeeded", m.GetProperty("status").GetString()));
        var goal = await (await caller.Client.GetAsync($"/api/v1/goals/{goalId}")).DataAsync();
        Assert.Equal(ids.Count, goal.GetProperty("tasksTotal").GetInt32());
        Assert.Equal(ids.Count, goal.GetProperty("tasksCompleted").GetInt32());
    }

    /// <summary>The response's data, asserting a 200 (a 409 here means a write was turned away).</summary>
    private static async Task<System.Text.Json.JsonElement> DataAsync(Task<HttpResponseMessage> response) =>
        await (await response).DataAsync(HttpStatusCode.OK);
}
