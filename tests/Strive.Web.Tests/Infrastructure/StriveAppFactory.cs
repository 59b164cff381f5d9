using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Strive.Tests.Files;

namespace Strive.Web.Tests.Infrastructure;

/// <summary>
/// The real app over a fresh SQLite file of its own, migrated at start like production.
/// One instance per test class (IClassFixture); tests seed what they need.
/// </summary>
public class StriveAppFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "strive-tests", Guid.NewGuid().ToString("N"));
    private readonly bool _ownsFolder = true;
    private readonly IDictionary<string, string?>? _extraSettings;

    public StriveAppFactory()
    {
        Directory.CreateDirectory(_folder);
        DatabasePath = Path.Combine(_folder, "strive.db");
    }

    /// <summary>The app over a database file the test manages itself (for example to start twice over it).</summary>
    public static StriveAppFactory OverFile(string databasePath, IDictionary<string, string?>? settings = null) =>
        new(databasePath, settings);

    // Private: xunit requires a class fixture to have exactly one public constructor.
    private StriveAppFactory(string databasePath, IDictionary<string, string?>? settings)
    {
        DatabasePath = databasePath;
        _ownsFolder = false;
        _extraSettings = settings;
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
        foreach (var (key, value) in Settings.Concat(_extraSettings ?? new Dictionary<string, string?>()))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(ConfigureTestServices);
    }

    /// <summary>Replace services for a test class (for example a FakeTimeProvider).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsFolder)
        {
            TestFolder.Delete(_folder);
        }
    }
}
