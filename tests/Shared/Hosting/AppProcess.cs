using System.Collections.Concurrent;
using System.Diagnostics;
using Strive.Tests.ScaleOut;

namespace Strive.Tests.Hosting;

/// <summary>
/// Strive.Web as a process of its own: <c>dotnet</c> runs the given Strive.Web.dll from its folder, on
/// 127.0.0.1 at a free port, in the given environment with the given settings (configuration keys). For
/// whatever reads that process's own memory: the memory test (the test's build output, Development, so the
/// static web assets are served from the build) and the circuit-memory benchmark (a Release publish,
/// Testing). Disposing it, and the exit of the process that started it, kill it; if it exits on its own, its
/// last output is written to standard error at once.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 200;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private int _killed;

    private AppProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>Where it listens, with a trailing slash.</summary>
    public Uri BaseUrl { get; }

    public int ProcessId => _process.Id;

    /// <summary>Starts <paramref name="appDll"/> and returns once it answers <c>GET /status</c>.</summary>
    public static async Task<AppProcess> StartAsync(string appDll, string environment,
        IEnumerable<(string Name, string Value)> settings)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var start = new ProcessStartInfo("dotnet", [appDll])
        {
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["ASPNETCORE_URLS"] = baseUrl.ToString().TrimEnd('/');
        foreach (var (name, value) in settings)
        {
            start.Environment[name.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var app = new AppProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."), baseUrl);
        app._process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        // If the app dies on its own, say why at once: its user would only notice at its next step, by a timeout.
        app._process.EnableRaisingEvents = true;
        app._process.Exited += (_, _) => app.ReportExit();
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        // Should the starting process end without disposing it, the app must not outlive it.
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

    public void ThrowIfExited()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"The app exited with code {_process.ExitCode}:\n{Output()}");
        }
    }

    /// <summary>Kills the app (once; later calls do nothing) and waits a moment for it to be gone.</summary>
    public void Kill()
    {
        if (Interlocked.Exchange(ref _killed, 1) == 0)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    /// <summary>What the app printed last, for a failure message.</summary>
    public string Output() => _output.IsEmpty ? "(no output)" : string.Join('\n', _output);

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            ThrowIfExited();
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

            await Task.Delay(Poll);
        }
    }

    private void ReportExit()
    {
        if (Volatile.Read(ref _killed) == 0)
        {
            _process.WaitForExit(); // the last lines of its output
            Console.Error.WriteLine($"The app exited with code {_process.ExitCode}:\n{Output()}");
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
