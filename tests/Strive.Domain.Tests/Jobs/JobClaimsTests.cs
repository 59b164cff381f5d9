using Microsoft.EntityFrameworkCore;
using Strive.Domain.Jobs;
using Strive.Domain.Tests.Infrastructure;

namespace Strive.Domain.Tests.Jobs;

public sealed class JobClaimsTests : IDisposable
{
    private const string Kind = "test.kind";
    private readonly DomainHarness _domain = new();

    [Fact]
    public async Task TwoInstancesClaimingTogether_EachJobIsClaimedOnce()
    {
        await QueueAsync(40);
        var a = new JobClaims(_domain.Contexts, _domain.Clock);
        var b = new JobClaims(_domain.Contexts, _domain.Clock);

        var claimed = await Task.WhenAll(
            Task.Run(() => a.ClaimAsync(Kind, TimeSpan.FromMinutes(1), 100, default)),
            Task.Run(() => b.ClaimAsync(Kind, TimeSpan.FromMinutes(1), 100, default)));

        var ids = claimed.SelectMany(c => c).Select(j => j.Id).ToList();
        Assert.Equal(40, ids.Count);
        Assert.Equal(40, ids.Distinct().Count());
    }

    [Fact]
    public async Task ALeaseThatRanOut_LetsAnotherInstanceTakeTheJob_AndFencesTheOldHolder()
    {
        await QueueAsync(1);
        var crashed = new JobClaims(_domain.Contexts, _domain.Clock);
        var other = new JobClaims(_domain.Contexts, _domain.Clock);
        var first = Assert.Single(await crashed.ClaimAsync(Kind, TimeSpan.FromMinutes(1), 10, default));
        Assert.Empty(await other.ClaimAsync(Kind, TimeSpan.FromMinutes(1), 10, default));

        _domain.Clock.Advance(TimeSpan.FromMinutes(2));
        var second = Assert.Single(await other.ClaimAsync(Kind, TimeSpan.FromMinutes(1), 10, default));

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(2, second.Attempts);
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        Assert.False(await new JobRun(crashed, first).CompleteAsync(db));
        Assert.True(await new JobRun(other, second).CompleteAsync(db));
    }

    [Fact]
    public async Task AFailedJob_IsRetriedAfterABackoffThatGrows()
    {
        await QueueAsync(1);
        var claims = new JobClaims(_domain.Contexts, _domain.Clock);

        var job = Assert.Single(await claims.ClaimAsync(Kind, TimeSpan.FromMinutes(1), 10, default));
        await claims.FailAsync(job, "SMTP away", default);
        Assert.Empty(await claims.ClaimAsync(Kind, TimeSpan.FromMinutes(1), 10, default));
        _domain.Clock.Advance(JobClaims.FirstBackoff);
        job = Assert.Single(await claims.ClaimAsync(Kind, TimeSpan.FromMinutes(1), 10, default));
        await claims.FailAsync(job, "SMTP away", default);
        _domain.Clock.Advance(JobClaims.FirstBackoff);
        Assert.Empty(await claims.ClaimAsync(Kind, TimeSpan.FromMinutes(1), 10, default));
        _domain.Clock.Advance(JobClaims.FirstBackoff);

        Assert.Single(await claims.ClaimAsync(Kind, TimeSpan.FromMinutes(1), 10, default));
        Assert.Equal(JobClaims.MaxBackoff, JobClaims.Backoff(50));
    }

    [Fact]
    public async Task QueueingTheSameKeyTwice_KeepsOneJob()
    {
        var now = _domain.Clock.GetUtcNow();
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        await JobClaims.ScheduleAsync(db, Kind, "same", now, null, now, default);
        await db.SaveChangesAsync();
        await JobClaims.ScheduleAsync(db, Kind, "same", now.AddHours(1), null, now, default);
        await db.SaveChangesAsync();

        var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Key == "same");
        Assert.Equal(now.AddHours(1), job.DueAt);
    }

    [Fact]
    public async Task TheDeadlineScan_IsOneRecurringJobThatTwoInstancesRunOncePerInterval()
    {
        var a = _domain.NewInstance();
        var b = _domain.NewInstance();

        var ran = await Task.WhenAll(Task.Run(() => a.RunDueAsync()), Task.Run(() => b.RunDueAsync()));
        Assert.Equal(1, ran.Sum());
        Assert.Equal(0, await a.RunDueAsync() + await b.RunDueAsync());
        _domain.Clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(1, await b.RunDueAsync() + await a.RunDueAsync());
    }

    private async Task QueueAsync(int count)
    {
        var now = _domain.Clock.GetUtcNow();
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        for (var i = 0; i < count; i++)
        {
            await JobClaims.ScheduleAsync(db, Kind, $"test:{i}", now, null, now, default);
        }

        await db.SaveChangesAsync();
    }

    public void Dispose() => _domain.Dispose();
}
