using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Strive.Domain;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Persistence;
using Strive.Domain.Users;
using Strive.Web.Data;

// Moves per second and p99 through the real domain service (IMilestoneService.MoveAsync, what PATCH
// {"order": k} runs) at 1 and 8 writers, each on a goal of its own, beside a bare program doing the same
// logical writes with plain SQL on the same SQLite file (issue 31).
// Usage: [--seconds S] [--milestones M] [--no-gate (SQLite's busy handler instead of the write gate)]
var seconds = Option("--seconds", 10);
var milestones = Option("--milestones", 20);
var folder = Directory.CreateTempSubdirectory("strive-writes-").FullName;
var file = Path.Combine(folder, "strive.db");
try
{
    var builder = Host.CreateApplicationBuilder(["--ConnectionStrings:Strive", $"Data Source={file}", "--Logging:LogLevel:Default", "Warning"]);
    builder.AddStrivePersistence();
    builder.Services.AddStriveDomain();
    if (args.Contains("--no-gate"))
    {
        // What the app did before issue 31: every writer straight into SQLite's busy handler.
        builder.Services.AddSingleton(WriteGate.Open());
    }

    using var host = builder.Build();
    await host.Services.PrepareDatabaseAsync();
    var (user, goals) = await SeedAsync(host.Services, 8, milestones);

    var gate = host.Services.GetRequiredService<WriteGate>().Serializes ? "write gate" : "no gate (busy handler)";
    Console.WriteLine($"SQLite file {file}; {gate}; goals of {milestones} milestones; {seconds} s a run; load average {LoadAverage()}");
    Console.WriteLine("| program | writers | moves/s | p50 | p99 |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    foreach (var writers in new[] { 1, 8 })
    {
        var app = await RunAsync(writers, seconds, goals, (goal, ids, k) => MoveThroughServiceAsync(host.Services, user, goal, ids, k));
        var bare = await RunAsync(writers, seconds, goals, (goal, ids, k) => BareMoveAsync(file, user, goal, ids, k));
        Print("Strive (MilestoneService)", writers, app);
        Print("bare SQL", writers, bare);
        Console.WriteLine($"| ratio Strive / bare | {writers} | {app.PerSecond / bare.PerSecond:0.00} | | |");
    }

    Console.WriteLine($"load average after: {LoadAverage()}");
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

int Option(string name, int fallback) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static void Print(string program, int writers, Run run) =>
    Console.WriteLine($"| {program} | {writers} | {run.PerSecond:N0} | {run.P50:0.0} ms | {run.P99:0.0} ms |");

static async Task<(string User, List<(string Goal, List<string> Ids)> Goals)> SeedAsync(IServiceProvider services, int count, int milestones)
{
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<StriveDbContext>();
    var user = new StriveUser { UserName = "bench@example.test", Email = "bench@example.test", CreatedAt = DateTimeOffset.UtcNow };
    db.Users.Add(user);
    await db.SaveChangesAsync();
    var goalService = scope.ServiceProvider.GetRequiredService<IGoalService>();
    var milestoneService = scope.ServiceProvider.GetRequiredService<IMilestoneService>();
    var goals = new List<(string, List<string>)>();
    for (var g = 0; g < count; g++)
    {
        var goal = (await goalService.CreateAsync(user.Id, new NewGoal($"Goal {g}"))).Value!;
        var ids = new List<string>();
        for (var m = 0; m < milestones; m++)
        {
            ids.Add((await milestoneService.CreateAsync(user.Id, goal.Id, new NewMilestone($"Milestone {m}"))).Value!.Id);
        }

        goals.Add((goal.Id, ids));
    }

    return (user.Id, goals);
}

// Each writer moves the milestones of its own goal round and round: move k-th to position (k * 7) % n.
static async Task<Run> RunAsync(int writers, int seconds, List<(string Goal, List<string> Ids)> goals,
    Func<string, List<string>, int, Task> move)
{
    var latencies = new List<double>[writers];
    var clock = Stopwatch.StartNew();
    var until = TimeSpan.FromSeconds(seconds);
    await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
    {
        latencies[w] = [];
        var (goal, ids) = goals[w];
        for (var k = 0; clock.Elapsed < until; k++)
        {
            var start = Stopwatch.GetTimestamp();
            await move(goal, ids, k);
            latencies[w].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    })));
    var all = latencies.SelectMany(l => l).Order().ToList();
    return new Run(all.Count / clock.Elapsed.TotalSeconds, all[all.Count / 2], all[(int)(all.Count * 0.99)]);
}

static async Task MoveThroughServiceAsync(IServiceProvider services, string user, string goal, List<string> ids, int k)
{
    await using var scope = services.CreateAsyncScope();
    var result = await scope.ServiceProvider.GetRequiredService<IMilestoneService>()
        .MoveAsync(user, goal, ids[k % ids.Count], k * 7 % ids.Count);
    if (!result.IsSuccess)
    {
        throw new InvalidOperationException(result.Error.Message);
    }
}

// The same logical write with plain SQL, as a hand-written program would: check access and read the
// version, claim it, read the milestone's place, shift the others, place it, record the event, recount.
static async Task BareMoveAsync(string file, string user, string goal, List<string> ids, int k)
{
    await using var connection = new SqliteConnection($"Data Source={file}");
    await connection.OpenAsync();
    // The app's durability (Strive.Web/Data/SqliteDurability.cs): WAL, no flush per commit.
    await using (var pragma = connection.CreateCommand())
    {
        pragma.CommandText = "PRAGMA synchronous=NORMAL;";
        await pragma.ExecuteNonQueryAsync();
    }

    await using var transaction = connection.BeginTransaction();
    var id = ids[k % ids.Count];
    var to = k * 7 % ids.Count;
    var version = (string)(await Scalar(connection, transaction,
        "SELECT g.Version FROM Goals g JOIN Stakeholders s ON s.GoalId = g.Id AND s.UserId = $user WHERE g.Id = $goal",
        ("$user", user), ("$goal", goal)))!;
    var from = Convert.ToInt32(await Scalar(connection, transaction,
        "SELECT \"Order\" FROM Milestones WHERE Id = $id AND GoalId = $goal AND DeletedAt IS NULL", ("$id", id), ("$goal", goal)), CultureInfo.InvariantCulture);
    var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    await Execute(connection, transaction, "UPDATE Goals SET Version = $new, UpdatedAt = $now WHERE Id = $goal AND Version = $version",
        ("$new", Guid.NewGuid().ToString().ToUpperInvariant()), ("$now", now), ("$goal", goal), ("$version", version));
    await Execute(connection, transaction, to < from
            ? "UPDATE Milestones SET \"Order\" = \"Order\" + 1, UpdatedAt = $now WHERE GoalId = $goal AND DeletedAt IS NULL AND \"Order\" >= $to AND \"Order\" < $from"
            : "UPDATE Milestones SET \"Order\" = \"Order\" - 1, UpdatedAt = $now WHERE GoalId = $goal AND DeletedAt IS NULL AND \"Order\" > $from AND \"Order\" <= $to",
        ("$now", now), ("$goal", goal), ("$to", to), ("$from", from));
    await Execute(connection, transaction, "UPDATE Milestones SET \"Order\" = $to, UpdatedAt = $now WHERE Id = $id", ("$to", to), ("$now", now), ("$id", id));
    await Execute(connection, transaction,
        "INSERT INTO GoalEvents (Id, GoalId, Type, ActorId, MilestoneId, Detail, CreatedAt) VALUES ($e, $goal, 'MilestoneMoved', $user, $id, 'moved', $now)",
        ("$e", Guid.NewGuid().ToString("N")), ("$goal", goal), ("$user", user), ("$id", id), ("$now", now));
    await Execute(connection, transaction,
        "UPDATE Goals SET TasksTotal = (SELECT COUNT(*) FROM Milestones m WHERE m.GoalId = Goals.Id AND m.DeletedAt IS NULL), "
        + "TasksCompleted = (SELECT COUNT(*) FROM Milestones m WHERE m.GoalId = Goals.Id AND m.DeletedAt IS NULL AND m.Status <> 'Pending') WHERE Id = $goal",
        ("$goal", goal));
    await transaction.CommitAsync();
}

static async Task<object?> Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string, object)[] values)
{
    await using var command = Command(connection, transaction, sql, values);
    return await command.ExecuteScalarAsync();
}

static async Task Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string, object)[] values)
{
    await using var command = Command(connection, transaction, sql, values);
    await command.ExecuteNonQueryAsync();
}

static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, (string Name, object Value)[] values)
{
    var command = connection.CreateCommand();
    command.Transaction = transaction;
    command.CommandText = sql;
    foreach (var (name, value) in values)
    {
        command.Parameters.AddWithValue(name, value);
    }

    return command;
}

internal sealed record Run(double PerSecond, double P50, double P99);
