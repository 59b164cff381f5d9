using System.Net;
using Strive.Web.Tests.Api;

namespace Strive.Web.Tests.ScaleOut;

/// <summary>
/// Issue 14: with Redis away the API refuses (503 JSON) rather than running without a shared limit,
/// /status says why, and both come back by themselves when Redis does. A class of its own: it stops Redis.
/// </summary>
public sealed class RedisOutageTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task RedisStopped_ApiAnswers503AndStatusSaysSo_ThenAllRecoversWhenRedisIsBack()
    {
        var (_, _, key) = await instances.NewKeyHolderAsync();
        using var a = instances.A.NewClient(key);
        using var b = instances.B.NewClient(key);
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync(new Uri("api/v1/goals", UriKind.Relative))).StatusCode);

        await instances.Redis.StopAsync();
        var refused = await a.GetAsync(new Uri("api/v1/goals", UriKind.Relative));
        var status = await a.GetAsync(new Uri("status", UriKind.Relative));

        await refused.AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "Service temporarily unavailable, please retry shortly");
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status.StatusCode);
        var body = await status.JsonAsync();
        Assert.Equal(("unavailable", "Redis unavailable", "unavailable", "ok"), (body.GetProperty("status").GetString(),
            body.GetProperty("error").GetString(), body.GetProperty("redis").GetString(),
            body.GetProperty("database").GetString()));

        await instances.Redis.StartAgainAsync();
        // The client reconnects on its own (backoff up to 5 s): no restart of either instance.
        var recovered = await RedisRecovery.UntilAvailableAsync(() => a.GetAsync(new Uri("api/v1/goals", UriKind.Relative)));
        var statusBack = await RedisRecovery.UntilAvailableAsync(() => a.GetAsync(new Uri("status", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        Assert.Equal("ok", (await statusBack.JsonAsync()).GetProperty("redis").GetString());

        // Pub/sub came back too: a change through B reaches a board on A again. Answering the API again does not
        // mean the subscription is back (it is a connection of its own); A says so once its own probe comes back.
        await RedisRecovery.UntilAvailableAsync(() => b.GetAsync(new Uri("api/v1/goals", UriKind.Relative)));
        await instances.A.TrustedAsync();
        var goal = await (await b.PostJsonAsync("api/v1/goals", """{"title": "Back online"}""")).DataAsync(HttpStatusCode.Created);
        var goalId = goal.GetProperty("id").GetString()!;
        var change = await instances.A.HearAsync(goalId, async () =>
            await (await b.PostJsonAsync($"api/v1/goals/{goalId}/milestones", """{"content": "Reconnect"}"""))
                .DataAsync(HttpStatusCode.Created));
        Assert.Equal(goalId, change.GoalId);
    }
}
