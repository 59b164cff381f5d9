using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Strive.Domain.Events;
using Strive.Web.Tests.Api;

namespace Strive.Web.Tests.ScaleOut;

/// <summary>
/// Issue 14: two instances sharing Redis behave as one app to an integrator: one rate-limit budget per
/// key (docs/api/API.md "Rate limiting"), revocation at once on every instance, changes on every board.
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
        var (userId, leakedId, leaked) = await instances.NewKeyHolderAsync();
        var admin = await instances.A.CreateKeyAsync(userId);
        using var onB = instances.B.NewClient(leaked);
        using var adminOnA = instances.A.NewClient(admin.RawKey);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync(new Uri("api/v1/goals", UriKind.Relative))).StatusCode);

        var revoked = await adminOnA.DeleteAsync(new Uri($"api/v1/api-keys/{leakedId}", UriKind.Relative));
        var next = await onB.GetAsync(new Uri("api/v1/goals", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        await next.AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authenticated");
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
        var heard = new TaskCompletionSource<GoalChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var board = instances.A.Services.GetRequiredService<IGoalChangeNotifier>()
            .Subscribe(goalId, change => Task.FromResult(heard.TrySetResult(change)));

        var completed = await b.PatchJsonAsync($"api/v1/goals/{goalId}/milestones/{milestone.GetProperty("id").GetString()}",
            """{"status": "succeeded"}""");

        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var change = await heard.Task.WaitAsync(TimeSpan.FromSeconds(1));
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
