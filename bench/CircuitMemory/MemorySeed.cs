using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Strive.Bench.BoardLatency;
using Strive.Domain.ApiKeys;
using Strive.Domain.Milestones;
using Strive.Domain.Users;

namespace Strive.Bench.CircuitMemory;

/// <summary>
/// The benchmark's data, written into the SQLite file before the measured app starts: the latency
/// benchmark's account and goals (<see cref="BoardSeed"/>), plus an API key with which the running app is
/// asked to change one milestone while the boards are open, as an integrator would.
/// </summary>
internal sealed record MemorySeed(BoardSeed Board, string ApiKey, string ChangedMilestoneId, string WarmUpMilestoneId)
{
    /// <summary>
    /// Seeds through the domain services of the app hosted in this process for the moment (no server, no
    /// port), then disposes it and closes every pooled connection, so the measured process is the only one
    /// that has the file open and this process holds none of the app.
    /// </summary>
    public static async Task<MemorySeed> CreateAsync(string databasePath, int milestones)
    {
        try
        {
            await using var app = new SeedingApp(databasePath);
            var board = await BoardSeed.CreateAsync(app.Services, milestones);
            await using var scope = app.Services.CreateAsyncScope();
            var provider = scope.ServiceProvider;
            var user = await provider.GetRequiredService<UserManager<StriveUser>>().FindByEmailAsync(board.Email)
                ?? throw new InvalidOperationException("The benchmark's account is gone.");
            var key = await provider.GetRequiredService<IApiKeyService>().CreateAsync(user.Id,
                new NewApiKey("circuit-memory benchmark", [ApiKeyScopes.MilestonesWrite]));
            if (!key.IsSuccess)
            {
                throw new InvalidOperationException("Creating the benchmark's API key failed: " + key.Error.Message);
            }

            // The third milestone: pending in the seeded mix (every tenth is done), so failing it is a change.
            // The fourth is renamed while each warm-up board is open.
            var listed = (await provider.GetRequiredService<IMilestoneService>().ListAsync(user.Id, board.BoardGoalId)).Value!;
            return new MemorySeed(board, key.Value!.RawKey, listed[2].Id, listed[3].Id);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private sealed class SeedingApp(string databasePath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            foreach (var (name, value) in MemoryHost.Settings(databasePath))
            {
                builder.UseSetting(name, value);
            }

            // This process creates the schema: EF's warnings about how the SQLite migrations rebuild tables
            // are known (and the measured process, which finds the schema in place, never sees them).
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Migrations", "Error");
        }
    }
}
