using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Strive.Domain.Milestones;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.Api;

/// <summary>The app with an EF interceptor that counts every SQL command, and a deadline scan that stays quiet.</summary>
public sealed class CommandCountingAppFactory : StriveAppFactory
{
    public CommandCounter Counter { get; } = new();

    protected override IDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Deadlines:ScanInterval"] = "01:00:00" };

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddSingleton<IInterceptor>(Counter);
}

public sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }
}

/// <summary>
/// The milestone list (docs/api/milestones.md "List Milestones") reads in a fixed number of SQL commands:
/// as many for 1 milestone as for 200, never one query per row.
/// </summary>
public sealed class MilestoneQueryCountTests(CommandCountingAppFactory app) : IClassFixture<CommandCountingAppFactory>
{
    [Fact]
    public async Task List_IssuesTheSameNumberOfCommands_For1And200Milestones()
    {
        var caller = await app.CreateCallerAsync();
        var small = await caller.CreateGoalAsync("One");
        var large = await caller.CreateGoalAsync("Two hundred");
        await AddMilestonesAsync(caller.UserId, small, 1);
        await AddMilestonesAsync(caller.UserId, large, 200);
        // Warm up: the first use of a key records lastUsedAt, which the measured requests must not include.
        await caller.Client.GetAsync($"/api/v1/goals/{small}/milestones");

        var one = await CountAsync(caller, small);
        var twoHundred = await CountAsync(caller, large);

        Assert.Equal(1, one.Listed);
        Assert.Equal(200, twoHundred.Listed);
        Assert.Equal(one.Commands, twoHundred.Commands);
        Assert.InRange(one.Commands, 1, 6);
    }

    private async Task<(int Commands, int Listed)> CountAsync(ApiCaller caller, string goalId)
    {
        app.Counter.Reset();
        var data = await (await caller.Client.GetAsync($"/api/v1/goals/{goalId}/milestones")).DataAsync();
        return (app.Counter.Count, data.GetArrayLength());
    }

    private async Task AddMilestonesAsync(string userId, string goalId, int count)
    {
        using var scope = app.Services.CreateScope();
        var milestones = scope.ServiceProvider.GetRequiredService<IMilestoneService>();
        for (var i = 0; i < count; i++)
        {
            var created = await milestones.CreateAsync(userId, goalId, new NewMilestone($"Step {i}",
                Subtasks: [new Subtask("a", i % 2 == 0)]));
            Assert.True(created.IsSuccess, created.Error?.Message);
        }
    }
}
