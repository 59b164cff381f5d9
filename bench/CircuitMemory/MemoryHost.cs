using System.Net;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Strive.Web.Diagnostics;

namespace Strive.Bench.CircuitMemory;

/// <summary>
/// The real app on Kestrel (127.0.0.1, a free port) over a fresh SQLite file in a temp folder, in the
/// Production environment with quiet logs, as bench/BoardLatency hosts it; plus a count of the open
/// circuits, so the benchmark waits on the server's state rather than on a clock.
/// </summary>
internal sealed class MemoryHost : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "strive-bench", Guid.NewGuid().ToString("N"));
    private readonly OpenCircuits _circuits = new();
    private KestrelAppFactory? _app;

    public Uri BaseUrl { get; private set; } = default!;

    public IServiceProvider Services => _app!.Services;

    public int OpenCircuitCount => _circuits.Count;

    public static MemoryHost Start()
    {
        var host = new MemoryHost();
        Directory.CreateDirectory(host._folder);
        host._app = new KestrelAppFactory(Path.Combine(host._folder, "strive.db"), host._circuits);
        host._app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        host._app.StartServer();
        var addresses = host._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        host.BaseUrl = new Uri(addresses.Addresses.First().TrimEnd('/') + "/");
        return host;
    }

    /// <summary>Waits until exactly <paramref name="count"/> circuits are open (a closed tab's circuit goes at once).</summary>
    public async Task WaitForCircuitsAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_circuits.Count != count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected {count} open circuits, still {_circuits.Count} after {timeout}.");
            }

            await Task.Delay(50);
        }
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
        }
        catch (IOException ex)
        {
            await Console.Error.WriteLineAsync($"Could not remove {_folder}: {ex.Message}");
        }
    }

    private sealed class KestrelAppFactory(string databasePath, OpenCircuits circuits) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseStaticWebAssets();
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Strive", $"Data Source={databasePath}");
            builder.UseSetting("Deadlines:ScanInterval", "1.00:00:00");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
            builder.ConfigureTestServices(services =>
                services.TryAddEnumerable(ServiceDescriptor.Singleton<CircuitHandler>(circuits)));
        }
    }
}
