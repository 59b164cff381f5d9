using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Playwright;
using Strive.Tests.Files;

namespace Strive.Bench.CircuitMemory;

/// <summary>
/// Issue 15: how much server memory an open board costs. Publishes the app and runs it as a process of
/// its own (<see cref="MemoryHost"/>), opens one goal's board in N Chromium tabs at once (N circuits), and
/// prints what that process retains per open board after a full GC (managed heap and resident memory, as
/// the app itself reads them), then closes the tabs and shows what came back; and again, in rounds, so a
/// later round shows what the boards cost once the process has held them before.
/// A benchmark is a program, not a timed test: it reports, it never fails a build over a number.
/// </summary>
internal static class CircuitMemoryProgram
{
    private static readonly string ChromiumPath = ToolPath.Chromium;
    private static readonly TimeSpan CircuitWait = TimeSpan.FromSeconds(60);

    // Not top-level statements: their generated Program class would hide Strive.Web's Program.
    public static async Task<int> Main(string[] args)
    {
        if (!MemoryOptions.TryParse(args, out var options, out var problem))
        {
            await (problem is "" ? Console.Out : Console.Error).WriteLineAsync($"{problem}\n{MemoryOptions.Usage}".Trim());
            return problem is "" ? 0 : 2;
        }

        if (!File.Exists(ChromiumPath))
        {
            await Console.Error.WriteLineAsync($"{ChromiumPath} is missing: apt-get install -y chromium");
            return 2;
        }

        if (RepositoryRoot() is not { } root)
        {
            await Console.Error.WriteLineAsync("Run it from the repository (no Strive.Web.sln here or above).");
            return 2;
        }

        var folder = Path.Combine(Path.GetTempPath(), "strive-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        MemoryHost? app = null;
        void Abandon()
        {
            app?.Kill();
            DeleteFolder(folder);
        }

        // Ctrl+C, kill, a closed terminal: the app and its folder go too. Handled first-hand, because with
        // ProcessExit alone the app outlived a benchmark that got SIGTERM (tried).
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => Abandon());
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => Abandon());
        using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, _ => Abandon());
        try
        {
            return await MeasureAsync(options, root, folder, started => app = started);
        }
        finally
        {
            DeleteFolder(folder);
        }
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Deleted already (a signal came while the program was ending).
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"Could not remove {folder}: {ex.Message}");
        }
    }

    private static async Task<int> MeasureAsync(MemoryOptions options, string root, string folder, Action<MemoryHost> started)
    {
        var loadBefore = LoadAverage();
        var appFolder = Path.Combine(folder, "app");
        var database = Path.Combine(folder, "strive.db");
        await Console.Error.WriteLineAsync("Publishing Strive.Web (Release) and seeding ...");
        await MemoryHost.PublishAsync(root, appFolder);
        var seed = await MemorySeed.CreateAsync(database, options.Milestones);
        await using var host = await MemoryHost.StartAsync(Path.Combine(appFolder, "Strive.Web.dll"), database);
        started(host);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                // Loopback only: every other host name fails to resolve, so nothing leaves the machine.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            ],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
        });
        context.SetDefaultTimeout(30_000);

        // Warm-up: sign in, open the small board, then the measured board --warm-boards times, one tab at a
        // time, each seeing one change. The first reading comes after the first of them (the issue's method:
        // one warm-up board), the second after all of them, once tiered JIT has compiled the board's code
        // again, optimised.
        var first = await context.NewPageAsync();
        await first.GotoAsync("Account/Login");
        await first.GetByTestId("login-email").FillAsync(seed.Board.Email);
        await first.GetByTestId("login-password").FillAsync(seed.Board.Password);
        await first.GetByTestId("login-submit").ClickAsync();
        await first.WaitForURLAsync("**/goals");
        await OpenBoardAsync(first, seed.Board.WarmUpGoalId);
        await first.CloseAsync();
        MemoryReading? afterOne = null;
        MemoryReading? before = null;
        for (var i = 0; i < options.WarmBoards; i++)
        {
            // A tab of its own each time, closed before the next: one circuit at a time.
            // Each sees a change too (a new title, through the API), so the code that shows a change is
            // warm as well when the measured boards show theirs.
            var warm = await context.NewPageAsync();
            await OpenBoardAsync(warm, seed.Board.BoardGoalId);
            var title = string.Create(CultureInfo.InvariantCulture, $"Warm-up change {i + 1}");
            await host.RenameMilestoneAsync(seed.ApiKey, seed.Board.BoardGoalId, seed.WarmUpMilestoneId, title);
            await warm.Locator($"[data-milestone-id='{seed.WarmUpMilestoneId}']", new() { HasText = title }).WaitForAsync();
            await warm.CloseAsync();
            before = await host.WaitForCircuitsAsync(0, CircuitWait);
            afterOne ??= before;
        }

        SaveSmaps(options, host.ProcessId, "1-warm");
        await SaveGcDumpAsync(options, host.ProcessId, "1-warm");
        var rounds = new List<RoundReadings>(options.Rounds);
        for (var round = 1; round <= options.Rounds; round++)
        {
            rounds.Add(await MeasureRoundAsync(options, host, context, seed, round));
        }

        Print(options, browser.Version, host.ProcessId, loadBefore, LoadAverage(), afterOne!, before!, rounds);
        return 0;
    }

    /// <summary>
    /// One measured round: N boards opened one after another and held open, one change every board shows,
    /// then all closed. The change alternates between marking a milestone failed and pending again, so
    /// every round shows the same kind of change.
    /// </summary>
    private static async Task<RoundReadings> MeasureRoundAsync(MemoryOptions options, MemoryHost host, IBrowserContext context,
        MemorySeed seed, int round)
    {
        var suffix = round == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $"-round{round}");
        var pages = new List<IPage>(options.Boards);
        for (var i = 0; i < options.Boards; i++)
        {
            var page = await context.NewPageAsync();
            await OpenBoardAsync(page, seed.Board.BoardGoalId);
            pages.Add(page);
        }

        var open = await host.WaitForCircuitsAsync(options.Boards, CircuitWait);
        SaveSmaps(options, host.ProcessId, "2-open" + suffix);

        // One change that every open board shows (through IGoalChangeNotifier): a board somebody works
        // on renders again, and then holds what a second render keeps. It comes through the app's API.
        var status = round % 2 == 1 ? "Failed" : "Pending";
        await host.SetMilestoneStatusAsync(seed.ApiKey, seed.Board.BoardGoalId, seed.ChangedMilestoneId, status.ToLowerInvariant());
        foreach (var page in pages)
        {
            await page.Locator($"[data-milestone-id='{seed.ChangedMilestoneId}'][data-status='{status}']").WaitForAsync();
        }

        var afterChange = await host.ReadAsync();
        SaveSmaps(options, host.ProcessId, "3-changed" + suffix);
        await SaveGcDumpAsync(options, host.ProcessId, "3-changed" + suffix);

        foreach (var page in pages)
        {
            await page.CloseAsync();
        }

        var closed = await host.WaitForCircuitsAsync(0, CircuitWait);
        SaveSmaps(options, host.ProcessId, "4-closed" + suffix);
        await SaveGcDumpAsync(options, host.ProcessId, "4-closed" + suffix);
        return new RoundReadings(open, afterChange, closed);
    }

    /// <summary>With --smaps, a copy of the app's /proc/PID/smaps (every mapping and its resident size) at a reading.</summary>
    private static void SaveSmaps(MemoryOptions options, int processId, string reading)
    {
        if (options.SmapsFolder is { } folder)
        {
            Directory.CreateDirectory(folder);
            File.Copy($"/proc/{processId}/smaps", Path.Combine(folder, reading + ".smaps"), overwrite: true);
        }
    }

    /// <summary>Navigates to the board and waits until its circuit is up (the board says it is interactive).</summary>
    private static async Task OpenBoardAsync(IPage page, string goalId)
    {
        await page.GotoAsync($"goals/{goalId}");
        await page.Locator("[data-testid=milestone-board][data-interactive=true]").WaitForAsync();
    }

    /// <summary>
    /// With --gcdump, a heap dump of the app's process at a reading (the local tool, after `dotnet tool restore`),
    /// taken after the reading so it does not move it.
    /// </summary>
    private static async Task SaveGcDumpAsync(MemoryOptions options, int processId, string reading)
    {
        if (options.GcDumpFolder is not { } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, reading + ".gcdump");
        using var process = Process.Start(new ProcessStartInfo("dotnet",
            ["gcdump", "collect", "-p", processId.ToString(CultureInfo.InvariantCulture), "-o", path])
        {
            RedirectStandardOutput = true,
        })!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Console.WriteLine(process.ExitCode == 0 ? $"gcdump written to {path}" : $"dotnet gcdump failed ({process.ExitCode})");
    }

    private static void Print(MemoryOptions options, string chromium, int processId, string loadBefore, string loadAfter,
        MemoryReading afterOne, MemoryReading before, List<RoundReadings> rounds)
    {
        var n = options.Boards;
        var k = options.WarmBoards;
        string PerBoard(RoundReadings round, MemoryReading baseline) => string.Create(CultureInfo.InvariantCulture,
            $"{Kb((round.Open.ManagedBytes - baseline.ManagedBytes) / n),9} {Kb((round.Open.ResidentBytes - baseline.ResidentBytes) / n),9} {Kb((round.Open.ResidentAfterDecommitBytes - baseline.ResidentAfterDecommitBytes) / n),9}   {Kb((round.AfterChange.ManagedBytes - baseline.ManagedBytes) / n),9} {Kb((round.AfterChange.ResidentBytes - baseline.ResidentBytes) / n),9} {Kb((round.AfterChange.ResidentAfterDecommitBytes - baseline.ResidentAfterDecommitBytes) / n),9}");
        string Row(MemoryReading r) => string.Create(CultureInfo.InvariantCulture,
            $"{Mb(r.ManagedBytes),12} {Mb(r.ResidentBytes),14} {Mb(r.CommittedBytes),12} {Mb(r.ResidentAfterDecommitBytes),14} {Mb(r.CommittedAfterDecommitBytes),12}");
        string Rows(Func<MemoryReading, string> row) => string.Join('\n', rounds.SelectMany((round, i) => new[]
        {
            string.Create(CultureInfo.InvariantCulture, $"{$"round {i + 1}: {n} boards open",-27}{row(round.Open)}"),
            $"{"  ... after one change shown",-27}{row(round.AfterChange)}",
            $"{"  all closed again",-27}{row(round.Closed)}",
        }));
        var first = rounds[0];
        var perBoard = new List<string>
        {
            $"{$"round 1, against {k} warm-up boards (warm JIT)",-52} {PerBoard(first, before)}",
            $"{"round 1, against 1 warm-up board (the issue's method)",-52} {PerBoard(first, afterOne)}",
            $"{"round 1, against its boards closed again",-52} {PerBoard(first, first.Closed)}",
        };
        for (var i = 1; i < rounds.Count; i++)
        {
            perBoard.Add(string.Create(CultureInfo.InvariantCulture,
                $"{$"round {i + 1}, against round {i} closed (steady state)",-52} {PerBoard(rounds[i], rounds[i - 1].Closed)}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

            Circuit memory: {n} open boards of one goal of {options.Milestones} milestones, each its own tab and circuit
            warm-up: the board opened {k} time(s), one tab at a time; readings after the first and after the last
            rounds: {rounds.Count}, each opens the {n} boards, shows them one change and closes them all
            machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, Chromium {chromium}
            measured: the published app in its own process (pid {processId}, Testing environment), read by its GET /_diagnostics/memory
            its GC: {Gc(before)}
            load average: {loadBefore} at start, {loadAfter} at end

                                       after full GCs                              then spare room given back
                                       managed heap  resident (RSS) GC committed   resident (RSS) GC committed
            {"after 1 warm-up board",-27}{Row(afterOne)}
            {$"after {k} warm-up boards",-27}{Row(before)}
            {Rows(Row)}

            resident, split              anonymous     file-backed         shared    threads
            {"after 1 warm-up board",-27}{Split(afterOne)}
            {$"after {k} warm-up boards",-27}{Split(before)}
            {Rows(Split)}

            per open board                                       as opened: managed  resident  (spare back)  after a change: managed  resident  (spare back)
            {string.Join('\n', perBoard)}
            round 1 closed minus {k} warm-up boards: {Kb(first.Closed.ManagedBytes - before.ManagedBytes)} managed, {Kb(first.Closed.ResidentBytes - before.ResidentBytes)} resident
            """));
    }

    /// <summary>The GC settings the app's process reports (runtimeconfig, or DOTNET_ variables it inherited).</summary>
    private static string Gc(MemoryReading reading) => string.Create(CultureInfo.InvariantCulture,
        $"{(reading.ServerGc ? "server" : "workstation")}, {(reading.ConcurrentGc ? "concurrent" : "not concurrent")}, heaps {reading.GcHeapCount?.ToString(CultureInfo.InvariantCulture) ?? "?"}, conserve memory {reading.GcConserveMemory?.ToString(CultureInfo.InvariantCulture) ?? "?"}, gen0 budget at most {MbOrNone(reading.GcGen0MaxBudget)}");

    private static string Split(MemoryReading reading) => string.Create(CultureInfo.InvariantCulture,
        $"{MbOrNone(reading.RssAnonBytes),12} {MbOrNone(reading.RssFileBytes),14} {MbOrNone(reading.RssShmemBytes),14} {reading.Threads,10}");

    private static string MbOrNone(long? bytes) => bytes is { } value ? Mb(value) : "n/a";

    /// <summary>The folder holding Strive.Web.sln, from here up.</summary>
    private static string? RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Strive.Web.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.0} MB");

    private static string Kb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0} KB");

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}

/// <summary>The readings of one measured round: its boards open, after the change they show, and all closed again.</summary>
internal sealed record RoundReadings(MemoryReading Open, MemoryReading AfterChange, MemoryReading Closed);
