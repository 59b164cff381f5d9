using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Strive.Domain.Events;
using Strive.Web.Tests.Api;

namespace Strive.Web.Tests.Infrastructure;

/// <summary>One change origin per DI scope: per HTTP request here, per circuit in the browser.</summary>
public sealed class ChangeOriginScopeTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    [Fact]
    public void ChangeOrigin_IsOnePerScope()
    {
        using var first = app.Services.CreateScope();
        using var second = app.Services.CreateScope();

        var origin = first.ServiceProvider.GetRequiredService<ChangeOrigin>();

        Assert.Same(origin, first.ServiceProvider.GetRequiredService<ChangeOrigin>());
        Assert.NotEqual(origin.Id, second.ServiceProvider.GetRequiredService<ChangeOrigin>().Id);
    }

    [Fact]
    public async Task TwoApiRequests_AnnounceTheirChangesWithDifferentOrigins()
    {
        var caller = await app.CreateCallerAsync();
        var goalId = await caller.CreateGoalAsync();
        var heard = new ConcurrentQueue<GoalChange>();
        using var subscription = app.Services.GetRequiredService<IGoalChangeNotifier>().Subscribe(goalId, change =>
        {
            heard.Enqueue(change);
            return Task.CompletedTask;
        });

        await caller.CreateMilestoneIdAsync(goalId, "One");
        await caller.CreateMilestoneIdAsync(goalId, "Two");

        Assert.Equal(2, heard.Count);
        Assert.All(heard, c => Assert.False(string.IsNullOrEmpty(c.Origin)));
        Assert.Equal(2, heard.Select(c => c.Origin).Distinct().Count());
    }
}
