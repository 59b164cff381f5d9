using System.Globalization;
using System.Runtime.InteropServices;

namespace Strive.Bench.BoardLatency;

/// <summary>The one table the benchmark prints, with the facts needed to compare two runs of it.</summary>
internal static class ResultTable
{

    public static void PrintMachine(TextWriter output, BenchmarkOptions options, string browserVersion)
    {
        output.WriteLine("Strive board latency benchmark (issue 8)");
        output.WriteLine($"  machine   {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription} "
            + $"{RuntimeInformation.OSArchitecture}, {RuntimeInformation.FrameworkDescription}, {BuildConfiguration} build");
        output.WriteLine($"  browser   headless Chromium {browserVersion} ({BenchmarkBrowser.ChromiumPath}), 1280x860");
        output.WriteLine($"  board     N = {options.Milestones} milestones, R = {options.Runs} runs, after "
            + $"{options.WarmUpRounds} warm-up rounds on a {BoardSeed.WarmUpMilestones}-milestone goal");
        output.WriteLine($"  load avg  {LoadAverage()} (1/5/15 min, at the start of the runs)");
    }

    public static void Print(TextWriter output, IReadOnlyList<RoundSample> rounds, TimeSpan elapsed)
    {
        var loads = rounds.Select(r => r.Load).OfType<LoadSample>().ToList();
        var drags = rounds.Select(r => r.Drag).OfType<ActionSample>().ToList();
        output.WriteLine();
        output.WriteLine(Row("measurement (ms unless noted)", "median", "p90", "min", "max", "runs"));
        output.WriteLine(new string('-', 106));
        Line(output, "first row visible (from navigation start)", loads.Select(l => l.FirstRowVisible), rounds.Count);
        Line(output, "  first row in the DOM (from navigation start)", loads.Select(l => l.FirstRowInDom), rounds.Count);
        Line(output, "interactive (from navigation start)", loads.Select(l => l.Interactive), rounds.Count);
        Line(output, "  page HTML received", loads.Select(l => l.Phases.HtmlReceived), rounds.Count);
        Line(output, "  DOM parsed (DOMContentLoaded)", loads.Select(l => l.Phases.DomContentLoaded), rounds.Count);
        Line(output, "  blazor.web.js received", loads.Select(l => l.Phases.ScriptLoaded), rounds.Count);
        Line(output, "  circuit's WebSocket open", loads.Select(l => l.Phases.SocketOpen), rounds.Count);
        Line(output, "  its last message before interactive", loads.Select(l => l.Phases.LastMessage), rounds.Count);
        Line(output, "  messages over it until interactive", loads.Select(l => l.Phases.Messages), rounds.Count);
        Line(output, "  bytes over it until interactive", loads.Select(l => l.Phases.SocketBytes), rounds.Count);
        Line(output, "keyboard move shown (keydown -> row moved)", Shown(rounds.Select(r => r.Keyboard)), rounds.Count);
        Line(output, "status change shown (click -> data-status)", Shown(rounds.Select(r => r.Status)), rounds.Count);
        Line(output, "drag drop shown (release -> row moved)", Shown(drags), rounds.Count);
        Line(output, "drag drop settled (release -> last move)", drags.Select(d => d.Settled ?? double.NaN), rounds.Count);
        Line(output, "board HTML as served (bytes)", loads.Select(l => (double)l.HtmlBytes), rounds.Count);
        Line(output, "elements once interactive", loads.Select(l => (double)l.Elements), rounds.Count);
        output.WriteLine(new string('-', 106));
        output.WriteLine("  runs: rounds that produced a value. Drag: the row moved within 3 s in "
            + $"{drags.Count(d => d.Shown is not null)} rounds, only later in {drags.Count(d => d.MovedLate)}, "
            + $"never in {drags.Count(d => d is { Shown: null, MovedLate: false })} (n/a), and the drag failed in {rounds.Count - drags.Count}.");
        output.WriteLine($"  load avg  {LoadAverage()} (at the end); wall time {elapsed.TotalSeconds:F0} s");
    }

    private static IEnumerable<double> Shown(IEnumerable<ActionSample?> samples) =>
        samples.OfType<ActionSample>().Select(s => s.Shown ?? double.NaN);

    /// <summary>"runs" counts the rounds that produced a value, out of all rounds.</summary>
    private static void Line(TextWriter output, string name, IEnumerable<double> values, int rounds)
    {
        var summary = Summary.Of(values);
        var runs = $"{summary?.Count ?? 0}/{rounds}";
        if (summary is null)
        {
            output.WriteLine(Row(name, "n/a", "", "", "", runs));
            return;
        }

        output.WriteLine(Row(name, Format(summary.Median), Format(summary.P90), Format(summary.Min), Format(summary.Max), runs));
    }

    private static string Row(string name, params string[] cells) =>
        name.PadRight(46) + string.Concat(cells.Select(c => c.PadLeft(10)));

    private static string Format(double value) => value.ToString(value >= 10_000 ? "N0" : "F0", CultureInfo.InvariantCulture);

    private static string LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(' ', File.ReadAllText(path).Split(' ').Take(3)) : "unknown";
    }

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif
}
