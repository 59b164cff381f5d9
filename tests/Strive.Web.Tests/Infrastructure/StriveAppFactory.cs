using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Strive.Web.Tests.Infrastructure;

/// <summary>
/// The real app over a fresh SQLite file of its own, migrated at start like production.
/// One instance per test class (IClassFixture); tests seed what they need.
/// </summary>
public class StriveAppFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "strive-tests", Guid.NewGuid().ToString("N"));

    public StriveAppFactory()
    {
        Directory.CreateDirectory(_folder);
        DatabasePath = Path.Combine(_folder, "strive.db");
    }

    public string DatabasePath { get; }

    /// <summary>Extra configuration for a test class (for example a small rate limit).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // UseSetting, not ConfigureAppConfiguration: Program reads these while it builds the app.
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Strive", $"Data Source={DatabasePath}");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a pool is not worth failing a test run over.
            }
        }
    }
}
