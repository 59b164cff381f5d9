using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Strive.Domain.Common;
using Strive.Domain.Idempotency;
using Strive.Domain.Milestones;
using Strive.Domain.Persistence;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.Api;

/// <summary>
/// The app with a clock the tests move, and a milestone service that can hold one create until the test lets
/// it go: a deterministic "first request still running" without sleeps.
/// </summary>
public sealed class IdempotencyAppFactory : StriveAppFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public CreateGate Gate { get; } = new();

    // The sweep runs only when a test asks for it, so the count it returns is the test's to check.
    protected override IDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Api:Idempotency:CleanupInterval"] = "40.00:00:00" };

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.AddScoped<MilestoneService>();
        services.AddScoped<IMilestoneService>(sp => new GatedMilestoneService(sp.GetRequiredService<MilestoneService>(), Gate));
    }
}

/// <summary>When armed, the next create signals <see cref="Entered"/> and waits for <see cref="Release"/>.</summary>
public sealed class CreateGate
{
    private TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _armed;

    public Task Entered => _entered.Task;

    public void Arm()
    {
        _entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _armed, 1);
    }

    public void Release() => _release.TrySetResult();

    internal async Task PassAsync()
    {
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            _entered.TrySetResult();
            await _release.Task;
        }
    }
}

internal sealed class GatedMilestoneService(MilestoneService inner, CreateGate gate) : IMilestoneService
{
    public Task<Result<MilestoneList>> ListAsync(string actorId, string goalId, CancellationToken cancellationToken = default) =>
        inner.ListAsync(actorId, goalId, cancellationToken);

    public Task<Result<MilestoneListRead>> ListAsync(string actorId, string goalId, Guid? knownVersion,
        CancellationToken cancellationToken = default) =>
        inner.ListAsync(actorId, goalId, knownVersion, cancellationToken);

    public Task<Result<MilestoneView>> GetAsync(string actorId, string goalId, string milestoneId,
        CancellationToken cancellationToken = default) =>
        inner.GetAsync(actorId, goalId, milestoneId, cancellationToken);

    public async Task<Result<MilestoneView>> CreateAsync(string actorId, string goalId, NewMilestone milestone,
        VersionCondition? condition = null, CancellationToken cancellationToken = default)
    {
        await gate.PassAsync();
        return await inner.CreateAsync(actorId, goalId, milestone, condition, cancellationToken);
    }

    public Task<Result<MilestoneView>> UpdateAsync(string actorId, string goalId, string milestoneId,
        MilestoneChanges changes, VersionCondition? condition = null, CancellationToken cancellationToken = default) =>
        inner.UpdateAsync(actorId, goalId, milestoneId, changes, condition, cancellationToken);

    public Task<Result<MilestoneView>> MoveAsync(string actorId, string goalId, string milestoneId, int position,
        VersionCondition? condition = null, CancellationToken cancellationToken = default) =>
        inner.MoveAsync(actorId, goalId, milestoneId, position, condition, cancellationToken);

    public Task<Result<MilestoneList>> ReorderAsync(string actorId, string goalId, IReadOnlyList<string> orderedIds,
        VersionCondition? condition = null, CancellationToken cancellationToken = default) =>
        inner.ReorderAsync(actorId, goalId, orderedIds, condition, cancellationToken);

    public Task<Result<MilestoneView>> DeleteAsync(string actorId, string goalId, string milestoneId,
        VersionCondition? condition = null, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(actorId, goalId, milestoneId, condition, cancellationToken);

    public Task<Result<MilestoneView>> RestoreAsync(string actorId, string goalId, string milestoneId,
        VersionCondition? condition = null, CancellationToken cancellationToken = default) =>
        inner.RestoreAsync(actorId, goalId, milestoneId, condition, cancellationToken);
}

/// <summary>docs/api/API.md "Idempotent retries", over HTTP against the real database.</summary>
public sealed class IdempotencyTests(IdempotencyAppFactory app) : IClassFixture<IdempotencyAppFactory>
{
    private static HttpRequestMessage Create(string goalId, string key, string json) =>
        new(HttpMethod.Post, new Uri($"/api/v1/goals/{goalId}/milestones", UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
            Headers = { { "Idempotency-Key", key } },
        };

    private static async Task<int> LiveMilestonesAsync(ApiCaller caller, string goalId) =>
        (await (await caller.Client.GetAsync($"/api/v1/goals/{goalId}/milestones")).DataAsync()).GetArrayLength();

    private async Task<int> StoredKeysAsync(string userId)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<StriveDbContext>>()
            .CreateDbContextAsync();
        return await db.IdempotencyRecords.CountAsync(r => r.UserId == userId);
    }

    [Fact]
    public async Task SameCreateTwice_MakesOneMilestone_AndReplaysTheSameAnswer()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();

        var first = await owner.Client.SendAsync(Create(goalId, "create-1", """{"content": "Once"}"""));
        var retry = await owner.Client.SendAsync(Create(goalId, "create-1", """{"content": "Once"}"""));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(["true"], retry.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.Equal(1, await LiveMilestonesAsync(owner, goalId));
    }

    [Fact]
    public async Task SameKeyWithADifferentBody_Returns422_AndChangesNothing()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        await owner.Client.SendAsync(Create(goalId, "reused", """{"content": "First"}"""));

        var response = await owner.Client.SendAsync(Create(goalId, "reused", """{"content": "Second"}"""));

        await response.AssertErrorAsync(HttpStatusCode.UnprocessableEntity,
            "Idempotency-Key was already used for a different request");
        Assert.Equal(1, await LiveMilestonesAsync(owner, goalId));
    }

    [Fact]
    public async Task KeysBelongToTheirUser()
    {
        var alice = await app.CreateCallerAsync();
        var bob = await app.CreateCallerAsync();

        var a = await alice.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/goals")
        {
            Content = new StringContent("""{"title": "Mine"}""", Encoding.UTF8, "application/json"),
            Headers = { { "Idempotency-Key", "shared" } },
        });
        var b = await bob.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/goals")
        {
            Content = new StringContent("""{"title": "Mine"}""", Encoding.UTF8, "application/json"),
            Headers = { { "Idempotency-Key", "shared" } },
        });

        Assert.Equal(HttpStatusCode.Created, a.StatusCode);
        Assert.Equal(HttpStatusCode.Created, b.StatusCode);
        Assert.False(b.Headers.Contains("Idempotent-Replayed"));
    }

    [Theory]
    [InlineData("tab\tinside")]
    [InlineData("clé")]
    public async Task AKeyThatIsNotPrintableAscii_Returns400(string key)
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        using var request = Create(goalId, "x", """{"content": "A"}""");
        request.Headers.Remove("Idempotency-Key");
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        var response = await owner.Client.SendAsync(request);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest,
            "Idempotency-Key must be 1-255 printable ASCII characters");
    }

    [Fact]
    public async Task ARetryWhileTheFirstIsRunning_Returns409_ThenTheFirstFinishes()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        app.Gate.Arm();

        var first = owner.Client.SendAsync(Create(goalId, "slow", """{"content": "Slow"}"""));
        await app.Gate.Entered;
        var second = await owner.Client.SendAsync(Create(goalId, "slow", """{"content": "Slow"}"""));
        app.Gate.Release();

        await second.AssertErrorAsync(HttpStatusCode.Conflict, "A request with this Idempotency-Key is still in progress");
        Assert.Equal(HttpStatusCode.Created, (await first).StatusCode);
        var third = await owner.Client.SendAsync(Create(goalId, "slow", """{"content": "Slow"}"""));
        Assert.Equal(["true"], third.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(1, await LiveMilestonesAsync(owner, goalId));
    }

    [Fact]
    public async Task AnAnswerThatIsNotTheRequestsOwn_DoesNotKeepTheKey()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        using var scope = app.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IdempotencyStore>();
        var claim = await store.ClaimAsync(owner.UserId, "released", "fingerprint", CancellationToken.None);
        Assert.Equal(IdempotencyOutcome.Claimed, claim.Outcome);

        await store.ReleaseAsync(owner.UserId, "released", CancellationToken.None);

        var response = await owner.Client.SendAsync(Create(goalId, "released", """{"content": "Now"}"""));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task ExpiredKeys_AreRemoved_AndTheKeyIsFreeAgain()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        await owner.Client.SendAsync(Create(goalId, "day-old", """{"content": "Yesterday"}"""));
        await owner.Client.SendAsync(Create(goalId, "swept", """{"content": "Swept"}"""));
        Assert.Equal(2, await StoredKeysAsync(owner.UserId));

        app.Clock.Advance(IdempotencyStore.Lifetime + TimeSpan.FromMinutes(1));

        // The same key for another request: the expired claim gives way instead of answering 422.
        var reused = await owner.Client.SendAsync(Create(goalId, "day-old", """{"content": "Today"}"""));
        Assert.Equal(HttpStatusCode.Created, reused.StatusCode);
        Assert.False(reused.Headers.Contains("Idempotent-Replayed"));
        using var scope = app.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<IdempotencyStore>()
            .DeleteExpiredAsync(CancellationToken.None) >= 1);
        Assert.Equal(1, await StoredKeysAsync(owner.UserId));
        Assert.Equal(3, await LiveMilestonesAsync(owner, goalId));
    }

    [Fact]
    public async Task AClaimLeftInProgress_FreesItsKeyAfterAboutAMinute()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        app.Gate.Arm();
        // The first request claims the key and never answers, as one whose server crashed mid-way.
        var lost = owner.Client.SendAsync(Create(goalId, "crashed", """{"content": "Retry"}"""));
        await app.Gate.Entered;

        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var tooSoon = await owner.Client.SendAsync(Create(goalId, "crashed", """{"content": "Retry"}"""));
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        var later = await owner.Client.SendAsync(Create(goalId, "crashed", """{"content": "Retry"}"""));
        app.Gate.Release();
        await lost;

        await tooSoon.AssertErrorAsync(HttpStatusCode.Conflict, "A request with this Idempotency-Key is still in progress");
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        Assert.False(later.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task AnAnsweredKey_StillReplaysHoursLater()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        await owner.Client.SendAsync(Create(goalId, "answered", """{"content": "Once"}"""));

        app.Clock.Advance(TimeSpan.FromHours(23));
        var retry = await owner.Client.SendAsync(Create(goalId, "answered", """{"content": "Once"}"""));

        Assert.Equal(["true"], retry.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(1, await LiveMilestonesAsync(owner, goalId));
    }
}
