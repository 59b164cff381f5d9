using System.Diagnostics;

namespace Strive.Bench.BoardLatency;

/// <summary>
/// Issue 8: how long a person waits on the milestone board. Hosts the real app, signs in through
/// Chromium, and prints the median and p90 of each measurement over R rounds. A benchmark is a program,
/// not a timed test: it reports, it never fails a build over a number.
/// </summary>
internal static class BoardLatencyProgram
{
    // Not top-level statements: their generated Program class would hide Strive.Web's Program.
    public static async Task<int> Main(string[] args)
    {
        if (!BenchmarkOptions.TryParse(args, out var options, out var problem))
        {
            await (problem is "" ? Console.Out : Console.Error).WriteLineAsync($"{problem}\n{BenchmarkOptions.Usage}".Trim());
            return problem is "" ? 0 : 2;
        }

        if (!File.Exists(BenchmarkBrowser.ChromiumPath))
        {
            await Console.Error.WriteLineAsync($"{BenchmarkBrowser.ChromiumPath} is missing: apt-get install -y chromium");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        await using var host = BenchmarkHost.Start();
        var seed = await BoardSeed.CreateAsync(host.Services, options.Milestones);
        await using var browser = await BenchmarkBrowser.LaunchAsync(host.BaseUrl);
        await browser.SignInAsync(seed.Email, seed.Password);
        var driver = new BoardDriver(browser.Page);

        for (var i = 1; i <= options.WarmUpRounds; i++)
        {
            Console.WriteLine($"warm-up {i}/{options.WarmUpRounds}: {(await driver.RunRoundAsync($"goals/{seed.WarmUpGoalId}")).Describe()}");
        }

        ResultTable.PrintMachine(Console.Out, options, browser.Version);
        var rounds = await RunRoundsAsync(driver, $"goals/{seed.BoardGoalId}", options, clock);
        ResultTable.Print(Console.Out, rounds, clock.Elapsed);
        return 0;
    }

    private static async Task<List<RoundSample>> RunRoundsAsync(BoardDriver driver, string goalPath,
        BenchmarkOptions options, Stopwatch clock)
    {
        var rounds = new List<RoundSample>(options.Runs);
        for (var i = 1; i <= options.Runs; i++)
        {
            if (clock.Elapsed > options.TimeLimit)
            {
                await Console.Error.WriteLineAsync($"Stopped after {i - 1} rounds: --max-minutes reached.");
                break;
            }

            var round = await driver.RunRoundAsync(goalPath);
            rounds.Add(round);
            Console.WriteLine($"run {i}/{options.Runs}: {round.Describe()}");
        }

        return rounds;
    }
}
