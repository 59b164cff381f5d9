using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Strive.Bench.BoardLatency;

/// <summary>
/// The real app on Kestrel (127.0.0.1, a free port) over a fresh SQLite file in a temp folder, as the
/// browser tests host it (tests/Strive.E2E/Infrastructure/StriveServerFixture.cs), but in the
/// Production environment with quiet logs and a deadline scan that never comes round during a run.
/// </summary>
internal sealed class BenchmarkHost : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "strive-bench", Guid.NewGuid().ToString("N"));
    private KestrelAppFactory? _app;

    /// <summary>Where the app listens, with a trailing slash, for example http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; private set; } = default!;

    public IServiceProvider Services => _app!.Services;

    public static BenchmarkHost Start()
    {
        var host = new BenchmarkHost();
        Directory.CreateDirectory(host._folder);
        host._app = new KestrelAppFactory(Path.Combine(host._folder, "strive.db"));
        host._app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        host._app.StartServer();
        var addresses = host._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        host.BaseUrl = new Uri(addresses.Addresses.First().TrimEnd('/') + "/");
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
            var parent = Path.GetDirectoryName(_folder)!;
            if (!Directory.EnumerateFileSystemEntries(parent).Any())
            {
                Directory.Delete(parent);
            }
        }
        catch (IOException ex)
        {
            await Console.Error.WriteLineAsync($"Could not remove {_folder}: {ex.Message}");
        }
    }

    private sealed class KestrelAppFactory(string databasePath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Production, as deployed: no developer exception page, no demo data, cacheable static
            // assets. MudBlazor's CSS and JS then come from the build's static web assets manifest.
            builder.UseEnvironment("Production");
            builder.UseStaticWebAssets();
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Strive", $"Data Source={databasePath}");
            builder.UseSetting("Deadlines:ScanInterval", "1.00:00:00");
            // Console logging on the request path would be measured too.
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
            // The key ring lives in the throwaway database; its "unencrypted at rest" warning is noise here.
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        }
    }
}
