using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Strive.Domain.ApiKeys;
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

    /// <summary>Writes the lastUsedAt times noted so far, so that no background write lands in a count.</summary>
    public Task SettleAsync() => Services.GetRequiredService<ApiKeyUsage>().FlushAsync();
}

public sealed class CommandCounter : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _texts = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>The SQL counted since the last reset, to say what differs when two counts do.</summary>
    public IReadOnlyList<string> Texts => [.. _texts];

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        _texts.Clear();
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Record(DbCommand command)
    {
        _texts.Enqueue(command.CommandText);
        Interlocked.Increment(ref _count);
    }
}

/// <summary>
/// The milestone list (docs/api/milestones.md "List Milestones") reads in a fixed number of SQL commands:
/// as many for 1 milestone as for 200, never one query per row, and at most 2 (none while the goal is unchanged).
/// So does every write, at 10 milestones and at 500 (docs/decisions/004).
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
        // Warm up on another goal: the first use of a key records lastUsedAt (in the background), which the
        // measured requests must not include, and neither measured list may be kept yet.
        await caller.Client.GetAsync($"/api/v1/goals/{await caller.CreateGoalAsync("Warm-up")}/milestones");
        await app.SettleAsync();

        var one = await CountAsync(caller, small);
        var twoHundred = await CountAsync(caller, large);

        Assert.Equal(1, one.Listed);
        Assert.Equal(200, twoHundred.Listed);
        Assert.Equal(one.Commands, twoHundred.Commands);
        // The access check with the goal's version, then the milestones with their support counts; the
        // key comes from the key cache (issue 11).
        Assert.InRange(one.Commands, 1, 2);

        // Read again, nothing changed since: no SQL at all. The access check and the goal's version are kept in
        // memory until a change to the goal is announced, the list's answer by version (docs/decisions/010).
        var oneAgain = await CountAsync(caller, small);
        var twoHundredAgain = await CountAsync(caller, large);
        Assert.Equal((0, 1), (oneAgain.Commands, oneAgain.Listed));
        Assert.Equal((0, 200), (twoHundredAgain.Commands, twoHundredAgain.Listed));

        // A change announces itself: the next list reads the access check and the milestones again.
        await AddMilestonesAsync(caller.UserId, small, 1);
        var afterChange = await CountAsync(caller, small);
        Assert.Equal((2, 2), (afterChange.Commands, afterChange.Listed));
    }

    [Fact]
    public async Task Writes_IssueTheSameNumberOfCommands_For10And500Milestones()
    {
        var caller = await app.CreateCallerAsync();
        var ten = await caller.CreateGoalAsync("Ten");
        var fiveHundred = await caller.CreateGoalAsync("Five hundred");
        var tenIds = await AddMilestonesAsync(caller.UserId, ten, 10);
        var fiveHundredIds = await AddMilestonesAsync(caller.UserId, fiveHundred, 500);

        var atTen = await CountWritesAsync(caller, ten, tenIds);
        var atFiveHundred = await CountWritesAsync(caller, fiveHundred, fiveHundredIds);

        foreach (var (write, commands) in atTen)
        {
            Assert.True(commands.Count == atFiveHundred[write].Count,
                $"{write}: {commands.Count} commands at 10 milestones, {atFiveHundred[write].Count} at 500:\n"
                + string.Join("\n", atFiveHundred[write].GroupBy(t => t).Select(g => $"{g.Count()} × {g.Key}")));
            Assert.InRange(commands.Count, 1, 12);
        }
    }

    /// <summary>
    /// The SQL of each kind of write, in its most expensive form: moving the last milestone to the top,
    /// inserting at the top, deleting the first and restoring it all shift every other milestone.
    /// </summary>
    private async Task<Dictionary<string, IReadOnlyList<string>>> CountWritesAsync(ApiCaller caller, string goalId,
        IReadOnlyList<string> ids)
    {
        var path = $"/api/v1/goals/{goalId}/milestones";
        // Warm up: the first use of a key records lastUsedAt (in the background), which the measured
        // requests must not include.
        await caller.Client.GetAsync(path);
        await app.SettleAsync();
        var writes = new (string Name, Func<Task<HttpResponseMessage>> Send, HttpStatusCode Status)[]
        {
            ("move", () => caller.Client.PatchJsonAsync($"{path}/{ids[^1]}", """{"order": 0}"""), HttpStatusCode.OK),
            ("append", () => caller.Client.PostJsonAsync(path, """{"content": "Appended", "order": 100000}"""),
                HttpStatusCode.Created),
            ("insert at the top",
                () => caller.Client.PostJsonAsync(path, """{"content": "On top", "order": 0}"""), HttpStatusCode.Created),
            ("status", () => caller.Client.PatchJsonAsync($"{path}/{ids[3]}", """{"status": "succeeded"}"""),
                HttpStatusCode.OK),
            ("edit", () => caller.Client.PatchJsonAsync($"{path}/{ids[4]}", """{"content": "Edited"}"""),
                HttpStatusCode.OK),
            ("delete", () => caller.Client.DeleteAsync($"{path}/{ids[0]}"), HttpStatusCode.OK),
            ("restore", () => caller.Client.PostAsync(new Uri($"{path}/{ids[0]}/restore", UriKind.Relative), null),
                HttpStatusCode.OK),
        };

        var commands = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, send, status) in writes)
        {
            app.Counter.Reset();
            var response = await send();
            commands[name] = app.Counter.Texts;
            await response.DataAsync(status);
        }

        var list = await (await caller.Client.GetAsync(path)).DataAsync();
        Assert.Equal(Enumerable.Range(0, ids.Count + 2), list.EnumerateArray().Select(m => m.GetProperty("order").GetInt32()));
        Assert.Equal("On top", list[0].GetProperty("content").GetString());
        Assert.Equal(ids[^1], list[1].GetProperty("id").GetString());
        Assert.Equal(ids[0], list[2].GetProperty("id").GetString());
        return commands;
    }

    private async Task<(int Commands, int Listed)> CountAsync(ApiCaller caller, string goalId)
    {
        app.Counter.Reset();
        var data = await (await caller.Client.GetAsync($"/api/v1/goals/{goalId}/milestones")).DataAsync();
        return (app.Counter.Count, data.GetArrayLength());
    }

    /// <summary>Through the domain service: hundreds of HTTP calls would only be slower.</summary>
    private async Task<IReadOnlyList<string>> AddMilestonesAsync(string userId, string goalId, int count)
    {
        using var scope = app.Services.CreateScope();
        var milestones = scope.ServiceProvider.GetRequiredService<IMilestoneService>();
        var ids = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var created = await milestones.CreateAsync(userId, goalId, new NewMilestone($"Step {i}",
                Subtasks: [new Subtask("a", i % 2 == 0)]));
            Assert.True(created.IsSuccess, created.Error?.Message);
            ids.Add(created.Value.Id);
        }

        return ids;
    }
}
