using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Strive.Domain.Milestones;
using Strive.Domain.Users;
using Strive.Bench.BoardLatency;

namespace Strive.Bench.CircuitMemory;

/// <summary>
/// Issue 15: how much server memory an open board costs. Hosts the real app, opens one goal's board in
/// N Chromium tabs at once (N circuits), and prints what the process retains per open board after a
/// full GC (managed heap and resident memory), then closes the tabs and shows what came back.
/// A benchmark is a program, not a timed test: it reports, it never fails a build over a number.
/// </summary>
internal static class CircuitMemoryProgram
{
    private const string ChromiumPath = "/usr/bin/chromium";
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

        var loadBefore = LoadAverage();
        await using var host = MemoryHost.Start();
        var seed = await BoardSeed.CreateAsync(host.Services, options.Milestones);
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

        // Warm-up: sign in, open the small board, then the measured board --warm-boards times (JIT, caches, pools).
        var first = await context.NewPageAsync();
        await first.GotoAsync("Account/Login");
        await first.GetByTestId("login-email").FillAsync(seed.Email);
        await first.GetByTestId("login-password").FillAsync(seed.Password);
        await first.GetByTestId("login-submit").ClickAsync();
        await first.WaitForURLAsync("**/goals");
        await OpenBoardAsync(first, seed.WarmUpGoalId);
        await first.CloseAsync();
        for (var i = 0; i < options.WarmBoards; i++)
        {
            // A tab of its own each time, closed before the next: one circuit at a time.
            var warm = await context.NewPageAsync();
            await OpenBoardAsync(warm, seed.BoardGoalId);
            await warm.CloseAsync();
            await host.WaitForCircuitsAsync(0, CircuitWait);
        }

        await host.WaitForCircuitsAsync(0, CircuitWait);

        var before = MemoryReading.Take();
        var pages = new List<IPage>(options.Boards);
        for (var i = 0; i < options.Boards; i++)
        {
            var page = await context.NewPageAsync();
            await OpenBoardAsync(page, seed.BoardGoalId);
            pages.Add(page);
        }

        await host.WaitForCircuitsAsync(options.Boards, CircuitWait);
        var open = MemoryReading.Take();

        // One change that every open board shows (through IGoalChangeNotifier): a board somebody works
        // on renders again, and then holds what a second render keeps.
        var changed = await ChangeOneMilestoneAsync(host.Services, seed);
        foreach (var page in pages)
        {
            await page.Locator($"[data-milestone-id='{changed}'][data-status='Failed']").WaitForAsync();
        }

        var afterChange = MemoryReading.Take();
        if (options.GcDumpPath is { } dump)
        {
            await WriteGcDumpAsync(dump);
        }

        foreach (var page in pages)
        {
            await page.CloseAsync();
        }

        await host.WaitForCircuitsAsync(0, CircuitWait);
        var closed = MemoryReading.Take();

        Print(options, browser.Version, loadBefore, LoadAverage(), before, open, afterChange, closed);
        return 0;
    }

    /// <summary>Navigates to the board and waits until its circuit is up (the board says it is interactive).</summary>
    private static async Task OpenBoardAsync(IPage page, string goalId)
    {
        await page.GotoAsync($"goals/{goalId}");
        await page.Locator("[data-testid=milestone-board][data-interactive=true]").WaitForAsync();
    }

    /// <summary>Marks the board's third milestone failed through the domain, as another person would; its id.</summary>
    private static async Task<string> ChangeOneMilestoneAsync(IServiceProvider services, BoardSeed seed)
    {
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<StriveUser>>().FindByEmailAsync(seed.Email)
            ?? throw new InvalidOperationException("The benchmark's account is gone.");
        var milestones = scope.ServiceProvider.GetRequiredService<IMilestoneService>();
        var third = (await milestones.ListAsync(user.Id, seed.BoardGoalId)).Value![2];
        var updated = await milestones.UpdateAsync(user.Id, seed.BoardGoalId, third.Id,
            new MilestoneChanges { Status = MilestoneStatus.Failed });
        return updated.IsSuccess ? third.Id : throw new InvalidOperationException(updated.Error.Message);
    }

    private static async Task WriteGcDumpAsync(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet",
            ["gcdump", "collect", "-p", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), "-o", path])
        {
            RedirectStandardOutput = true,
        })!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Console.WriteLine(process.ExitCode == 0 ? $"gcdump written to {path}" : $"dotnet gcdump failed ({process.ExitCode})");
    }

    private static void Print(MemoryOptions options, string chromium, string loadBefore, string loadAfter,
        MemoryReading before, MemoryReading open, MemoryReading afterChange, MemoryReading closed)
    {
        var n = options.Boards;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

            Circuit memory: {n} open boards of one goal of {options.Milestones} milestones, each its own tab and circuit
            warm-up: the board opened {options.WarmBoards} time(s), one tab at a time, before the warm reading
            machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, Chromium {chromium}
            GC: {(GCSettings.IsServerGC ? "server" : "workstation")}, {GcSetting("ConcurrentGC", "concurrent")}, {GcSetting("ConserveMemory", "conserve memory")}, {GcSetting("HeapCount", "heaps")}, latency mode {GCSettings.LatencyMode}
            load average: {loadBefore} at start, {loadAfter} at end

            after a full GC              managed heap    resident (RSS)   GC committed
            warm, no board open        {Mb(before.ManagedBytes),12} {Mb(before.ResidentBytes),14} {Mb(before.CommittedBytes),14}
            {n,3} boards open             {Mb(open.ManagedBytes),12} {Mb(open.ResidentBytes),14} {Mb(open.CommittedBytes),14}
            ... after one change shown   {Mb(afterChange.ManagedBytes),12} {Mb(afterChange.ResidentBytes),14} {Mb(afterChange.CommittedBytes),14}
            all closed again           {Mb(closed.ManagedBytes),12} {Mb(closed.ResidentBytes),14} {Mb(closed.CommittedBytes),14}

            per open board, as opened:       {Kb((open.ManagedBytes - before.ManagedBytes) / n),7} managed {Kb((open.ResidentBytes - before.ResidentBytes) / n),9} resident
            per open board, after a change:  {Kb((afterChange.ManagedBytes - before.ManagedBytes) / n),7} managed {Kb((afterChange.ResidentBytes - before.ResidentBytes) / n),9} resident
            closed again minus warm:         {Kb(closed.ManagedBytes - before.ManagedBytes),7} managed {Kb(closed.ResidentBytes - before.ResidentBytes),9} resident
            """));
    }

    /// <summary>A setting as the GC itself reports it, however it was given (runtimeconfig, environment).</summary>
    private static string GcSetting(string key, string label) =>
        GC.GetConfigurationVariables().TryGetValue(key, out var value) ? $"{label} {value}" : $"{label} default";

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.0} MB");

    private static string Kb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0} KB");

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
