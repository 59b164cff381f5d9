using System.Collections.Concurrent;
using System.Diagnostics;
using Strive.Tests.ScaleOut;

namespace Strive.E2E.Infrastructure;

/// <summary>
/// The app as a process of its own: <c>dotnet Strive.Web.dll</c> from this build's output (the test project
/// references Strive.Web, so its runtimeconfig, deps and static web assets manifest are beside the tests),
/// in Development so those assets are served from the build, on a free loopback port, over the given
/// SQLite file. For a test that reads the process's own memory, which no other test's server shares.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 100;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>Where it listens, with a trailing slash.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Starts the app over <paramref name="databasePath"/> and returns once it answers <c>GET /status</c>.</summary>
    public static async Task<AppProcess> StartAsync(string databasePath)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Strive.Web.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = baseUrl.ToString().TrimEnd('/');
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Strive"] = $"Data Source={databasePath}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        var app = new AppProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."), baseUrl);
        app._process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        // Should the test host end without disposing its fixtures, the app must not outlive it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => app.Kill();
        try
        {
            await app.WaitUntilAnsweringAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>What the app printed last, for a failure message.</summary>
    public string Output() => _output.IsEmpty ? "(no output)" : string.Join('\n', _output);

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone (or disposed).
        }
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode}:\n{Output()}");
            }

            try
            {
                using var status = await http.GetAsync(new Uri("status", UriKind.Relative));
                if (status.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The app did not answer at {BaseUrl} within {StartTimeout}:\n{Output()}");
            }

            await Task.Delay(200);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptOutputLines && _output.TryDequeue(out _))
        {
        }
    }
}
