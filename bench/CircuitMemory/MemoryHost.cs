using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Strive.Tests.Hosting;

namespace Strive.Bench.CircuitMemory;

/// <summary>
/// The measured app as deployed: Strive.Web published in Release and run as a process of its own
/// (<see cref="AppProcess"/>: <c>dotnet Strive.Web.dll</c>, with the GC settings of its runtimeconfig), on
/// 127.0.0.1 at a free port, over the benchmark's SQLite file, logging warnings only. It runs in the Testing
/// environment, which differs from Production only in that <c>GET /_diagnostics/memory</c> and its circuit
/// count exist: every reading comes from there, so it is of that process alone, not of this one (Playwright,
/// the seeding). Disposing it, Ctrl+C and this process's exit kill it.
/// </summary>
internal sealed class MemoryHost : IAsyncDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly AppProcess _app;
    private readonly HttpClient _http;

    private MemoryHost(AppProcess app)
    {
        _app = app;
        _http = new HttpClient { BaseAddress = app.BaseUrl, Timeout = TimeSpan.FromMinutes(1) };
    }

    public Uri BaseUrl => _app.BaseUrl;

    public int ProcessId => _app.ProcessId;

    /// <summary>The app's settings, as configuration keys; the same for the seeding and the measured process.</summary>
    public static IReadOnlyList<(string Name, string Value)> Settings(string databasePath) =>
    [
        ("Database:Provider", "Sqlite"),
        ("ConnectionStrings:Strive", $"Data Source={databasePath}"),
        ("Deadlines:ScanInterval", "1.00:00:00"),
        ("Logging:LogLevel:Default", "Warning"),
        ("Logging:LogLevel:Microsoft.AspNetCore", "Warning"),
        ("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error"),
    ];

    /// <summary>Publishes Strive.Web (Release) from the repository at <paramref name="root"/> into <paramref name="folder"/>.</summary>
    public static async Task PublishAsync(string root, string folder)
    {
        var (exitCode, output) = await RunAsync("dotnet",
            ["publish", Path.Combine(root, "Strive.Web", "Strive.Web.csproj"), "-c", "Release", "-o", folder,
                "-v", "quiet", "-nologo", "-nodeReuse:false"]);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish Strive.Web failed ({exitCode}):\n{output}");
        }
    }

    /// <summary>Starts <c>dotnet <paramref name="appDll"/></c> and returns once it answers, with its memory endpoint.</summary>
    public static async Task<MemoryHost> StartAsync(string appDll, string databasePath)
    {
        var host = new MemoryHost(await AppProcess.StartAsync(appDll, "Testing", Settings(databasePath)));
        try
        {
            using var memory = await host._http.GetAsync(new Uri("_diagnostics/memory", UriKind.Relative));
            if (memory.StatusCode == HttpStatusCode.NotFound)
            {
                throw new InvalidOperationException("The app has no /_diagnostics/memory: it is not running in Testing.");
            }

            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>The app's own reading, after the full, blocking, compacting collections the endpoint runs.</summary>
    public async Task<MemoryReading> ReadAsync()
    {
        _app.ThrowIfExited();
        return await _http.GetFromJsonAsync<MemoryReading>(new Uri("_diagnostics/memory", UriKind.Relative), Json)
            ?? throw new InvalidOperationException("The memory endpoint answered nothing.");
    }

    /// <summary>
    /// Reads until exactly <paramref name="count"/> circuits are open (a closed tab's circuit is disposed at
    /// once) and every closed one is collected, and returns that reading. A closed circuit can stay in memory
    /// for seconds after it is disposed (a JS call in flight, for one, keeps it up to the call's 10 s timeout):
    /// read before that, the warm reading counted 0.3 to 1.7 MB of boards already closed.
    /// </summary>
    public async Task<MemoryReading> WaitForCircuitsAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var reading = await ReadAsync();
            if (reading.OpenCircuits == count && reading.ClosedCircuitsInMemory == 0)
            {
                return reading;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected {count} open circuits and no closed one in memory; after {timeout}, " +
                    $"{reading.OpenCircuits} open and {reading.ClosedCircuitsInMemory} closed still in memory.");
            }

            await Task.Delay(Poll);
        }
    }

    /// <summary>Sets a milestone's status ("failed", "pending", ...) through the app's API, as another person's script would.</summary>
    public Task SetMilestoneStatusAsync(string apiKey, string goalId, string milestoneId, string status) =>
        PatchMilestoneAsync(apiKey, goalId, milestoneId, new { status });

    /// <summary>Gives a milestone a new title through the app's API.</summary>
    public Task RenameMilestoneAsync(string apiKey, string goalId, string milestoneId, string content) =>
        PatchMilestoneAsync(apiKey, goalId, milestoneId, new { content });

    private async Task PatchMilestoneAsync(string apiKey, string goalId, string milestoneId, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch,
            new Uri($"api/v1/goals/{goalId}/milestones/{milestoneId}", UriKind.Relative))
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Authorization = new("Bearer", apiKey);
        using var response = await _http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"PATCH of the milestone answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _http.Dispose();
    }

    /// <summary>Kills the app (once; later calls do nothing).</summary>
    public void Kill() => _app.Kill();

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, IReadOnlyList<string> args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"{file} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
