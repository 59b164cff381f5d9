using System.Collections.Concurrent;
using System.Data.Common;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Strive.Domain.ApiKeys;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Users;

namespace Strive.Bench.ApiThroughput;

/// <summary>
/// The SQL commands one API request sends, counted by an EF Core interceptor in the real app (in this
/// process, over a fresh SQLite file): the list at 1 and 200 milestones, a move and an append at 10 and
/// 500, and a request the rate limiter refuses. Each is measured after a warm-up request with the same
/// key, and after the background lastUsedAt write has landed, so neither is counted.
/// </summary>
internal static class SqlCounts
{
    private const int Permits = 30;

    public static async Task<int> RunAsync(string[] args)
    {
        var verbose = args.Contains("--verbose");
        var folder = Path.Combine(Path.GetTempPath(), "strive-bench-sql", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var app = new CountingApp(Path.Combine(folder, "strive.db"));
            var rows = new List<(string Request, int Commands, IReadOnlyList<string> Sql)>();
            var user = await app.UserAsync();

            var client = await app.CallerAsync(user);
            // The key warmed on a goal of its own, so that the first read of each list is a first read; the
            // second, at the same version, is answered from the kept body (the access check alone).
            await Warm(app, client, $"/api/v1/goals/{(await app.GoalAsync(user, 0)).Id}/milestones");
            foreach (var count in new[] { 1, 200 })
            {
                var goal = await app.GoalAsync(user, count);
                var path = $"/api/v1/goals/{goal.Id}/milestones";
                rows.Add(await app.CountAsync($"GET list, {count} milestones, first read", () => client.GetAsync(path)));
                rows.Add(await app.CountAsync($"GET list, {count} milestones, unchanged since", () => client.GetAsync(path)));
            }

            foreach (var count in new[] { 10, 500 })
            {
                var goal = await app.GoalAsync(user, count);
                var path = $"/api/v1/goals/{goal.Id}/milestones";
                await Warm(app, client, path);
                rows.Add(await app.CountAsync($"PATCH move last to top, {count} milestones",
                    () => client.PatchAsync(path + "/" + goal.Ids[^1], Json("""{"order": 0}"""))));
                rows.Add(await app.CountAsync($"POST append, {count} milestones",
                    () => client.PostAsync(path, Json("""{"content": "Appended", "order": 1000000}"""))));
            }

            var limited = await app.CallerAsync(user);
            for (var i = 0; i < Permits; i++)
            {
                await limited.GetAsync("/api/v1/goals");
            }

            await app.SettleAsync();
            rows.Add(await app.CountAsync("GET refused with 429", () => limited.GetAsync("/api/v1/goals")));

            Console.WriteLine("| request | SQL commands |");
            Console.WriteLine("|---|---:|");
            foreach (var (request, commands, sql) in rows)
            {
                Console.WriteLine($"| {request} | {commands} |");
                if (verbose)
                {
                    foreach (var text in sql)
                    {
                        Console.WriteLine("    " + text.ReplaceLineEndings(" "));
                    }
                }
            }

            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task Warm(CountingApp app, HttpClient client, string path)
    {
        (await client.GetAsync(path)).EnsureSuccessStatusCode();
        await app.SettleAsync();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private sealed class CountingApp(string databasePath) : WebApplicationFactory<Program>
    {
        private readonly Counter _counter = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Strive", $"Data Source={databasePath}");
            builder.UseSetting("Deadlines:ScanInterval", "1.00:00:00");
            builder.UseSetting("Api:RateLimit:PermitsPerMinute", Permits.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
            builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(_counter));
        }

        public async Task<string> UserAsync()
        {
            using var scope = Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StriveUser>>();
            var user = new StriveUser { UserName = "bench@example.test", Email = "bench@example.test", EmailConfirmed = true };
            var created = await users.CreateAsync(user, "Bench-passw0rd!");
            return created.Succeeded ? user.Id : throw new InvalidOperationException("Could not create the user.");
        }

        public async Task<HttpClient> CallerAsync(string userId)
        {
            using var scope = Services.CreateScope();
            var keys = scope.ServiceProvider.GetRequiredService<IApiKeyService>();
            var key = (await keys.CreateAsync(userId, new NewApiKey("bench", ApiKeyScopes.All))).Value!;
            var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.RawKey);
            return client;
        }

        public async Task<(string Id, IReadOnlyList<string> Ids)> GoalAsync(string userId, int milestones)
        {
            using var scope = Services.CreateScope();
            var goal = (await scope.ServiceProvider.GetRequiredService<IGoalService>()
                .CreateAsync(userId, new NewGoal($"{milestones} milestones"))).Value!;
            var service = scope.ServiceProvider.GetRequiredService<IMilestoneService>();
            var ids = new List<string>();
            for (var i = 0; i < milestones; i++)
            {
                var created = await service.CreateAsync(userId, goal.Id,
                    new NewMilestone($"Step {i}", Subtasks: [new Subtask("a", i % 2 == 0)]));
                ids.Add(created.Value!.Id);
            }

            return (goal.Id, ids);
        }

        public Task<int> SettleAsync() => Services.GetRequiredService<ApiKeyUsage>().FlushAsync();

        public async Task<(string, int, IReadOnlyList<string>)> CountAsync(string request,
            Func<Task<HttpResponseMessage>> send)
        {
            _counter.Reset();
            using var response = await send();
            var sql = _counter.Texts;
            var status = (int)response.StatusCode;
            return ($"{request} ({status})", sql.Count, sql);
        }
    }

    private sealed class Counter : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<string> _texts = new();

        public IReadOnlyList<string> Texts => [.. _texts];

        public void Reset() => _texts.Clear();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            _texts.Enqueue(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            _texts.Enqueue(command.CommandText);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            _texts.Enqueue(command.CommandText);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
