using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Strive.Domain.ApiKeys;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Users;
using Strive.Web.Api;
using Strive.Web.Api.Auth;
using Strive.Web.Api.RateLimiting;
using Strive.Web.Api.V1;

namespace Strive.Bench.ApiThroughput;

/// <summary>
/// What each stage of <c>GET /api/v1/goals/{id}/milestones</c> (20 milestones, a valid key) costs, with
/// a stopwatch around each stage called on its own through the app's services, and around the whole
/// request through the in-memory test server (no sockets). The whole minus the stages is the pipeline:
/// routing, the middlewares, the authentication and authorization plumbing, the endpoint's binding and
/// result writing. The floor (a request answered by the first middleware, through the same test
/// server and HttpClient) is what the harness itself costs, and is taken off. One call after another,
/// timed in CPU time of the whole process (not wall time, which a busy machine inflates): CPU per call,
/// not throughput.
/// </summary>
internal static class StageProfile
{
    private const string FloorPath = "/__bench/floor";

    /// <summary>
    /// Stages the measured request does not run (its goal is unchanged: the access check and the body come from
    /// memory), timed for what the first list after a change costs; not part of the whole request's sum.
    /// </summary>
    private const string AfterAChange = "(after a change, not in the request) ";

    public static async Task<int> RunAsync(string[] args)
    {
        var iterations = int.Parse(BareEndpoint.Option(args, "--iterations") ?? "3000", System.Globalization.CultureInfo.InvariantCulture);
        var folder = Path.Combine(Path.GetTempPath(), "strive-bench-stages", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var app = new ProfiledApp(Path.Combine(folder, "strive.db"));
            var (userId, rawKey, goalId) = await app.SeedAsync();
            using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", rawKey);
            var path = $"/api/v1/goals/{goalId}/milestones";
            var services = app.Services;
            var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var limiter = services.GetRequiredService<IApiRateLimiter>();
            var authorization = services.GetRequiredService<IAuthorizationService>();
            MilestoneList? list = null;
            ClaimsPrincipal? principal = null;

            var stages = new (string Name, Func<Task> Run)[]
            {
                ("whole request (test server, no sockets)", async () =>
                {
                    using var response = await client.GetAsync(path);
                    await response.Content.ReadAsByteArrayAsync();
                }),
                ("floor: test server + HttpClient (answered before the app's first middleware)", async () =>
                {
                    using var response = await client.GetAsync(FloorPath);
                    await response.Content.ReadAsByteArrayAsync();
                }),
                ("authentication: key lookup (IApiKeyService.AuthenticateAsync)", async () =>
                {
                    await using var scope = services.CreateAsyncScope();
                    var check = await scope.ServiceProvider.GetRequiredService<IApiKeyService>().AuthenticateAsync(rawKey);
                    principal = ApiKeyClaims.ToPrincipal(check.Identity!, ApiKeyAuthenticationHandler.SchemeName);
                }),
                ("rate limiting (IApiRateLimiter.AcquireAsync)", async () =>
                {
                    await limiter.AcquireAsync(principal!.ApiKey().KeyId, CancellationToken.None);
                }),
                ("authorization: 2 policies (api-key, scope)", async () =>
                {
                    await authorization.AuthorizeAsync(principal!, ApiExtensions.ApiKeyPolicy);
                    await authorization.AuthorizeAsync(principal!, ScopeEndpointExtensions.PolicyName(ApiKeyScopes.MilestonesRead));
                }),
                (AfterAChange + "access check + queries, a first read (IMilestoneService.ListAsync)", async () =>
                {
                    await using var scope = services.CreateAsyncScope();
                    list = (await scope.ServiceProvider.GetRequiredService<IMilestoneService>().ListAsync(userId, goalId)).Value;
                }),
                ("access check of an unchanged goal, as the endpoint asks it (GoalGateCache, no SQL)", async () =>
                {
                    await using var scope = services.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<IMilestoneService>()
                        .ListAsync(userId, goalId, services.GetRequiredService<MilestoneListCache>().KnownVersion(goalId));
                }),
                (AfterAChange + "serialization (MilestoneResponse + System.Text.Json)", () =>
                {
                    JsonSerializer.SerializeToUtf8Bytes(
                        new DataResponse<IReadOnlyList<MilestoneResponse>>(MilestoneResponse.From(list!)), json);
                    return Task.CompletedTask;
                }),
            };

            // Warm-up: JIT and tiered compilation, pools, EF Core's query cache.
            for (var i = 0; i < 500; i++)
            {
                foreach (var (_, run) in stages)
                {
                    await run();
                }
            }

            var results = new List<(string Name, double Micros)>();
            foreach (var (name, run) in stages)
            {
                var samples = new double[5];
                using var process = Process.GetCurrentProcess();
                for (var s = 0; s < samples.Length; s++)
                {
                    process.Refresh();
                    var cpu = process.TotalProcessorTime;
                    for (var i = 0; i < iterations / samples.Length; i++)
                    {
                        await run();
                    }

                    process.Refresh();
                    samples[s] = (process.TotalProcessorTime - cpu).TotalMicroseconds / (iterations / samples.Length);
                }

                results.Add((name, samples.Order().ElementAt(samples.Length / 2)));
            }

            // The app's share of a request: the whole less what the harness costs.
            var whole = results[0].Micros - results[1].Micros;
            var parts = results.Skip(2).Where(r => !r.Name.StartsWith(AfterAChange, StringComparison.Ordinal)).Sum(r => r.Micros);
            Console.WriteLine($"| stage | CPU µs per request (median of 5 × {iterations / 5}) | share |");
            Console.WriteLine("|---|---:|---:|");
            foreach (var (name, micros) in results.Skip(2))
            {
                Console.WriteLine(name.StartsWith(AfterAChange, StringComparison.Ordinal)
                    ? $"| {name} | {micros:F1} | |"
                    : $"| {name} | {micros:F1} | {micros / whole:P0} |");
            }

            Console.WriteLine($"| pipeline: routing, middlewares, handler plumbing, binding, result writing (the rest) | {whole - parts:F1} | {(whole - parts) / whole:P0} |");
            Console.WriteLine($"| **the app's whole request** | **{whole:F1}** | 100% |");
            Console.WriteLine($"| (not the app's: {results[1].Name}) | {results[1].Micros:F1} | |");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class ProfiledApp(string databasePath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // As deployed: Production, appsettings.json's logging; a limit the loop never reaches.
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Strive", $"Data Source={databasePath}");
            builder.UseSetting("Deadlines:ScanInterval", "1.00:00:00");
            builder.UseSetting("Api:RateLimit:PermitsPerMinute", "1000000000");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, FloorFilter>());
        }

        public async Task<(string UserId, string RawKey, string GoalId)> SeedAsync()
        {
            using var scope = Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StriveUser>>();
            var user = new StriveUser { UserName = "bench@example.test", Email = "bench@example.test", EmailConfirmed = true };
            if (!(await users.CreateAsync(user, "Bench-passw0rd!")).Succeeded)
            {
                throw new InvalidOperationException("Could not create the user.");
            }

            var key = (await scope.ServiceProvider.GetRequiredService<IApiKeyService>()
                .CreateAsync(user.Id, new NewApiKey("bench", ApiKeyScopes.All))).Value!;
            var goal = (await scope.ServiceProvider.GetRequiredService<IGoalService>()
                .CreateAsync(user.Id, new NewGoal("Run a marathon"))).Value!;
            var milestones = scope.ServiceProvider.GetRequiredService<IMilestoneService>();
            for (var i = 1; i <= 20; i++)
            {
                await milestones.CreateAsync(user.Id, goal.Id, new NewMilestone(
                    $"Milestone {i}: run {i * 2} km without stopping", $"Week {i} of the plan.",
                    Subtasks: [new Subtask("Warm up", true), new Subtask("Stretch", false)]));
            }

            return (user.Id, key.RawKey, goal.Id);
        }
    }

    /// <summary>Answers <see cref="FloorPath"/> ahead of every middleware of the app.</summary>
    private sealed class FloorFilter : IStartupFilter
    {
        private static readonly byte[] Body = "{}"u8.ToArray();

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) => context.Request.Path == FloorPath
                ? context.Response.Body.WriteAsync(Body).AsTask()
                : nextMiddleware(context));
            next(app);
        };
    }
}
