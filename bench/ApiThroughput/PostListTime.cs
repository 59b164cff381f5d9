using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Strive.Domain.ApiKeys;
using Strive.Domain.Goals;
using Strive.Domain.Persistence;
using Strive.Domain.Posts;
using Strive.Domain.Users;

namespace Strive.Bench.ApiThroughput;

/// <summary>
/// Issue 25: the time to list 50 posts of a goal with 10,000 posts, over HTTP through the real app (in this
/// process, over a fresh SQLite file): the newest page, and a page deep in the story (before= the 5,000th).
/// Prints the median and the 90th percentile of <c>--iterations</c> requests after a warm-up.
/// </summary>
internal static class PostListTime
{
    public static async Task<int> RunAsync(string[] args)
    {
        var posts = Option(args, "--posts", 10_000);
        var iterations = Option(args, "--iterations", 200);
        var folder = Path.Combine(Path.GetTempPath(), "strive-bench-posts", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var app = new PostsApp(Path.Combine(folder, "strive.db"));
            var (client, goalId) = await app.SeedAsync(posts);
            var path = $"/api/v1/goals/{goalId}/posts?limit=50";
            var deep = await IdAtAsync(client, path, posts / 2);
            Console.WriteLine($"| list of 50 posts, goal with {posts:N0} posts | median ms | p90 ms |");
            Console.WriteLine("|---|---:|---:|");
            foreach (var (name, url) in new[] { ("newest page", path), ("page before the middle post", path + "&before=" + deep) })
            {
                var times = await TimeAsync(client, url, iterations);
                Console.WriteLine($"| {name} | {times[times.Length / 2]:F2} | {times[times.Length * 9 / 10]:F2} |");
            }

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<double[]> TimeAsync(HttpClient client, string url, int iterations)
    {
        for (var i = 0; i < 20; i++)
        {
            (await client.GetAsync(new Uri(url, UriKind.Relative))).EnsureSuccessStatusCode();
        }

        var times = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            await response.Content.ReadAsByteArrayAsync();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            response.EnsureSuccessStatusCode();
        }

        Array.Sort(times);
        return times;
    }

    /// <summary>The id of the post at <paramref name="position"/> in the story, walking pages of 100.</summary>
    private static async Task<string> IdAtAsync(HttpClient client, string path, int position)
    {
        string? before = null;
        for (var seen = 0; ; seen += 100)
        {
            var url = path.Replace("limit=50", "limit=100", StringComparison.Ordinal) + (before is null ? "" : "&before=" + before);
            using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri(url, UriKind.Relative)));
            var data = document.RootElement.GetProperty("data");
            if (position < seen + data.GetArrayLength())
            {
                return data[position - seen].GetProperty("id").GetString()!;
            }

            before = data[data.GetArrayLength() - 1].GetProperty("id").GetString();
        }
    }

    private static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value)
            ? value
            : fallback;

    private sealed class PostsApp(string databasePath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Strive", $"Data Source={databasePath}");
            builder.UseSetting("Deadlines:ScanInterval", "1.00:00:00");
            builder.UseSetting("Api:RateLimit:PermitsPerMinute", "1000000");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        }

        /// <summary>A user with a key, a goal, and its posts written straight into the table (the service would take minutes).</summary>
        public async Task<(HttpClient Client, string GoalId)> SeedAsync(int posts)
        {
            using var scope = Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StriveUser>>();
            var user = new StriveUser { UserName = "bench@example.test", Email = "bench@example.test", EmailConfirmed = true };
            _ = await users.CreateAsync(user, "Bench-passw0rd!");
            var goal = (await scope.ServiceProvider.GetRequiredService<IGoalService>().CreateAsync(user.Id, new NewGoal("Story"))).Value!;
            await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<StriveDbContext>>().CreateDbContextAsync())
            {
                var start = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
                for (var i = 0; i < posts; i++)
                {
                    db.Posts.Add(Post.Create(goal.Id, user.Id, new NewPost($"Ran {i % 20 + 1} km", start.AddHours(i)), start.AddHours(i)).Value!);
                }

                await db.SaveChangesAsync();
            }

            var key = (await scope.ServiceProvider.GetRequiredService<IApiKeyService>()
                .CreateAsync(user.Id, new NewApiKey("bench", [ApiKeyScopes.PostsRead]))).Value!;
            var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.RawKey);
            return (client, goal.Id);
        }
    }
}
