using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Strive.Domain.Users;
using Strive.Tests.Files;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.Persistence;

public sealed class DatabaseLifecycleTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "strive-tests", Guid.NewGuid().ToString("N"));

    public DatabaseLifecycleTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task FirstStart_CreatesTheDatabase_AndTheNextStartKeepsItsData()
    {
        var path = Path.Combine(_folder, "strive.db");
        Assert.False(File.Exists(path));

        await using (var first = StriveAppFactory.OverFile(path))
        {
            using var client = first.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/status", UriKind.Relative))).StatusCode);
            Assert.True(File.Exists(path));

            using var scope = first.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StriveUser>>();
            var created = await users.CreateAsync(new StriveUser { UserName = "kept@example.com", Email = "kept@example.com" });
            Assert.True(created.Succeeded);
        }

        SqliteConnection.ClearAllPools();

        await using (var second = StriveAppFactory.OverFile(path))
        {
            using var client = second.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/status", UriKind.Relative))).StatusCode);

            using var scope = second.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StriveUser>>();
            Assert.NotNull(await users.FindByEmailAsync("kept@example.com"));
        }
    }

    [Fact]
    public async Task FirstStart_SwitchesTheFileToWriteAheadLogging()
    {
        var path = Path.Combine(_folder, "wal.db");
        await using (var app = StriveAppFactory.OverFile(path))
        {
            using var client = app.CreateClient();
            await client.GetAsync(new Uri("/status", UriKind.Relative));
        }

        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Status_WhenTheDatabaseFileCannotBeOpened_Returns503()
    {
        var unreachable = Path.Combine(_folder, "no-such-folder", "strive.db");
        await using var app = StriveAppFactory.OverFile(unreachable, new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "false",
        });
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/status", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("\"error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        TestFolder.Delete(_folder);
    }
}
