using System.Net;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.Api;

/// <summary>Many parallel requests on one goal leave the order and counter invariants intact, and never a 500.</summary>
public sealed class MilestoneConcurrencyTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    [Fact]
    public async Task ParallelMovesAndCompletions_KeepOrdersAndCountersRight()
    {
        var caller = await app.CreateCallerAsync();
        var goalId = await caller.CreateGoalAsync("Busy goal");
        var ids = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add(await caller.CreateMilestoneIdAsync(goalId, $"Step {i}"));
        }

        var path = $"/api/v1/goals/{goalId}/milestones";
        var requests = Enumerable.Range(0, 40).Select(i => (i % 4) switch
        {
            0 => caller.Client.PatchJsonAsync($"{path}/{ids[i % ids.Count]}", $$"""{"order": {{(i * 3) % 9}}}"""),
            1 => caller.Client.PatchJsonAsync($"{path}/{ids[i % ids.Count]}", """{"status": "succeeded"}"""),
            2 => caller.Client.PatchJsonAsync($"{path}/{ids[(i + 3) % ids.Count]}", """{"status": "pending", "order": 0}"""),
            _ => caller.Client.PutJsonAsync($"{path}/order",
                $$"""{"ids": [{{string.Join(", ", Enumerable.Reverse(ids).Select(id => $"\"{id}\""))}}]}"""),
        });

        var responses = await Task.WhenAll(requests);

        foreach (var response in responses)
        {
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict,
                $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        var list = await (await caller.Client.GetAsync(path)).DataAsync();
        Assert.Equal(Enumerable.Range(0, ids.Count), list.EnumerateArray().Select(m => m.GetProperty("order").GetInt32()));
        Assert.Equal(ids.Order(StringComparer.Ordinal),
            list.EnumerateArray().Select(m => m.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        var goal = await (await caller.Client.GetAsync($"/api/v1/goals/{goalId}")).DataAsync();
        Assert.Equal(ids.Count, goal.GetProperty("tasksTotal").GetInt32());
        Assert.Equal(list.EnumerateArray().Count(m => m.GetProperty("status").GetString() != "pending"),
            goal.GetProperty("tasksCompleted").GetInt32());
    }
}
