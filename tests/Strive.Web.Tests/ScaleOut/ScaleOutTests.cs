using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Strive.Domain.Goals;
using Strive.Web.ScaleOut;
using Strive.Web.Tests.Api;

namespace Strive.Web.Tests.ScaleOut;

/// <summary>
/// Issue 14: two instances sharing Redis behave as one app to an integrator: one rate-limit budget per
/// key (docs/api/API.md "Rate limiting"), revocation at once on every instance, changes on every board, and in
/// every instance's milestone list though it keeps the access check in memory (docs/decisions/010).
/// </summary>
public sealed class ScaleOutTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    private static int Remaining(HttpResponseMessage response) =>
        int.Parse(response.Headers.GetValues("X-RateLimit-Remaining").Single(), CultureInfo.InvariantCulture);

    [Fact]
    public async Task HundredRequests_AlternatingInstances_Give60Allowed_Then40Refused()
    {
        var (_, _, key) = await instances.NewKeyHolderAsync();
        using var a = instances.A.NewClient(key);
        using var b = instances.B.NewClient(key);

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 100; i++)
        {
            responses.Add(await (i % 2 == 0 ? a : b).GetAsync(new Uri("api/v1/goals", UriKind.Relative)));
        }

        Assert.Equal(60, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Take(60), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(Enumerable.Range(0, 60).Select(i => 59 - i), responses.Take(60).Select(Remaining));
        foreach (var refused in responses.Skip(60))
        {
            await refused.AssertErrorAsync(HttpStatusCode.TooManyRequests, "Rate limit exceeded");
            Assert.Equal(0, Remaining(refused));
            Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? -1, 1, 60);
        }

        Assert.All(responses, r => Assert.Equal("60", r.Headers.GetValues("X-RateLimit-Limit").Single()));
        // One window for both instances: every answer names the same reset time.
        Assert.Single(responses.Select(r => r.Headers.GetValues("X-RateLimit-Reset").Single()).Distinct());
    }

    [Fact]
    public async Task KeyRevokedThroughA_IsRefusedByB_OnTheNextRequest()
    {
        using var key = await KeyInUseOnBAsync();

        var revoked = await key.AdminOnA.DeleteAsync(new Uri($"api/v1/api-keys/{key.LeakedId}", UriKind.Relative));
        var next = await key.OnB.GetAsync(new Uri("api/v1/goals", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        await next.AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authenticated");
    }

    [Fact]
    public async Task AnInstanceThatNeverConfirms_HoldsUpARevocationOnlyForTheBound()
    {
        using var key = await KeyInUseOnBAsync();
        // A third subscriber that hears revocations and never says it forgot the key, as a hung instance would.
        await using var silent = await ConnectionMultiplexer.ConnectAsync(instances.Redis.Configuration);
        await silent.GetSubscriber().SubscribeAsync(RedisApiKeyCache.Channel, (_, _) => { });

        var clock = Stopwatch.StartNew();
        var revoked = await key.AdminOnA.DeleteAsync(new Uri($"api/v1/api-keys/{key.LeakedId}", UriKind.Relative));
        clock.Stop();
        var next = await key.OnB.GetAsync(new Uri("api/v1/goals", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        // The documented bound (README, several instances): a silent instance holds a revocation up for 2 s at most.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));
        await next.AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authenticated");
    }

    /// <summary>
    /// A key in use on B (B has authenticated it once, so it is in B's cache), and a client on A holding
    /// another key of the same person, who may revoke the first.
    /// </summary>
    private async Task<KeyInUse> KeyInUseOnBAsync()
    {
        var (userId, leakedId, leaked) = await instances.NewKeyHolderAsync();
        var admin = await instances.A.CreateKeyAsync(userId);
        var onB = instances.B.NewClient(leaked);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync(new Uri("api/v1/goals", UriKind.Relative))).StatusCode);
        return new KeyInUse(leakedId, onB, instances.A.NewClient(admin.RawKey));
    }

    private sealed record KeyInUse(string LeakedId, HttpClient OnB, HttpClient AdminOnA) : IDisposable
    {
        public void Dispose()
        {
            OnB.Dispose();
            AdminOnA.Dispose();
        }
    }

    private static string[] Contents(System.Text.Json.JsonElement list) =>
        [.. list.EnumerateArray().Select(m => m.GetProperty("content").GetString()!)];

    private static async Task<(string GoalId, string[] Ids)> GoalOfThreeAsync(HttpClient client)
    {
        var goal = await (await client.PostJsonAsync("api/v1/goals", """{"title": "Run a marathon"}"""))
            .DataAsync(HttpStatusCode.Created);
        var goalId = goal.GetProperty("id").GetString()!;
        var ids = new List<string>();
        foreach (var content in new[] { "First", "Second", "Third" })
        {
            var milestone = await (await client.PostJsonAsync($"api/v1/goals/{goalId}/milestones",
                $$"""{"content": "{{content}}", "order": 1000000}""")).DataAsync(HttpStatusCode.Created);
            ids.Add(milestone.GetProperty("id").GetString()!);
        }

        return (goalId, [.. ids]);
    }

    [Fact]
    public async Task AMoveThroughB_ShowsInTheNextListOnA_ThoughAKeptTheList()
    {
        var (_, _, key) = await instances.NewKeyHolderAsync();
        using var a = instances.A.NewClient(key);
        using var b = instances.B.NewClient(key);
        await instances.A.TrustedAsync();
        var (goalId, ids) = await GoalOfThreeAsync(a);
        var path = $"api/v1/goals/{goalId}/milestones";
        Assert.Equal(["First", "Second", "Third"], Contents(await (await a.GetAsync(path)).DataAsync()));
        Assert.Equal(["First", "Second", "Third"], Contents(await (await a.GetAsync(path)).DataAsync()));

        // The writer does not wait for the other instances: A lists once the notice has reached it, as its boards do.
        await instances.A.HearAsync(goalId, async () =>
            await (await b.PatchJsonAsync($"{path}/{ids[2]}", """{"order": 0}""")).DataAsync());

        Assert.Equal(["Third", "First", "Second"], Contents(await (await a.GetAsync(path)).DataAsync()));
    }

    [Fact]
    public async Task AStakeholderRemovedThroughB_IsRefusedByAOnTheNextRequest()
    {
        var (ownerId, _, ownerKey) = await instances.NewKeyHolderAsync();
        var memberEmail = $"member-{Guid.NewGuid():N}@example.test";
        var memberId = await instances.A.CreateUserAsync(memberEmail);
        using var owner = instances.A.NewClient(ownerKey);
        using var member = instances.A.NewClient((await instances.A.CreateKeyAsync(memberId)).RawKey);
        await instances.A.TrustedAsync();
        var (goalId, _) = await GoalOfThreeAsync(owner);
        using (var scope = instances.A.Services.CreateScope())
        {
            var added = await scope.ServiceProvider.GetRequiredService<IStakeholderService>()
                .AddAsOperatorAsync(goalId, memberEmail, StakeholderRoles.Spectator);
            Assert.True(added.IsSuccess, added.Error?.Message);
        }

        var path = $"api/v1/goals/{goalId}/milestones";
        Assert.Equal(3, (await (await member.GetAsync(path)).DataAsync()).GetArrayLength());
        Assert.Equal(3, (await (await member.GetAsync(path)).DataAsync()).GetArrayLength());

        await instances.A.HearAsync(goalId, async () =>
        {
            using var scope = instances.B.Services.CreateScope();
            var removed = await scope.ServiceProvider.GetRequiredService<IStakeholderService>()
                .RemoveAsync(ownerId, goalId, memberId);
            Assert.True(removed.IsSuccess, removed.Error?.Message);
        });

        await (await member.GetAsync(path)).AssertErrorAsync(HttpStatusCode.Forbidden,
            "You are not a stakeholder of this goal");
        Assert.Equal(3, (await (await owner.GetAsync(path)).DataAsync()).GetArrayLength());
    }

    [Fact]
    public async Task MilestoneCompletedThroughB_ReachesABoardSubscribedOnA()
    {
        var (_, _, key) = await instances.NewKeyHolderAsync();
        using var b = instances.B.NewClient(key);
        var goal = await (await b.PostJsonAsync("api/v1/goals", """{"title": "Run a marathon"}"""))
            .DataAsync(HttpStatusCode.Created);
        var goalId = goal.GetProperty("id").GetString()!;
        var milestone = await (await b.PostJsonAsync($"api/v1/goals/{goalId}/milestones", """{"content": "Run 10 km"}"""))
            .DataAsync(HttpStatusCode.Created);
        HttpResponseMessage? completed = null;

        var change = await instances.A.HearAsync(goalId, async () =>
            completed = await b.PatchJsonAsync($"api/v1/goals/{goalId}/milestones/{milestone.GetProperty("id").GetString()}",
                """{"status": "succeeded"}"""));

        Assert.Equal(HttpStatusCode.OK, completed!.StatusCode);
        Assert.Equal(goalId, change.GoalId);
    }

    [Fact]
    public async Task Status_NamesTheInstance_AndReportsRedis()
    {
        using var a = instances.A.NewClient();
        using var b = instances.B.NewClient();

        var fromA = await (await a.GetAsync(new Uri("status", UriKind.Relative))).JsonAsync();
        var fromB = await (await b.GetAsync(new Uri("status", UriKind.Relative))).JsonAsync();

        Assert.Equal(("ok", "A", "ok"), (fromA.GetProperty("status").GetString(), fromA.GetProperty("instance").GetString(),
            fromA.GetProperty("redis").GetString()));
        Assert.Equal("B", fromB.GetProperty("instance").GetString());
    }
}
