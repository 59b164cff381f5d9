using System.Globalization;

namespace Strive.Bench.BoardLatency;

internal sealed record BenchmarkOptions(int Milestones, int Runs, int WarmUpRounds, TimeSpan TimeLimit)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/BoardLatency -- [options]

          --milestones N   milestones on the measured board (default 200, at least 6)
          --runs R         measured rounds, each a fresh load of the board (default 15)
          --warm-up W      unmeasured rounds on a small goal first (default 2)
          --max-minutes M  stop starting new rounds after M minutes (default 20)
        """;

    public static bool TryParse(string[] args, out BenchmarkOptions options, out string? problem)
    {
        options = new BenchmarkOptions(200, 15, 2, TimeSpan.FromMinutes(20));
        problem = null;
        for (var i = 0; i < args.Length; i += 2)
        {
            var name = args[i];
            if (name is "--help" or "-h")
            {
                problem = "";
                return false;
            }

            if (name is not ("--milestones" or "--runs" or "--warm-up" or "--max-minutes"))
            {
                problem = $"Unknown option '{name}'.";
                return false;
            }

            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                problem = $"'{name}' needs a whole number after it.";
                return false;
            }

            options = name switch
            {
                "--milestones" => options with { Milestones = value },
                "--runs" => options with { Runs = value },
                "--warm-up" => options with { WarmUpRounds = value },
                _ => options with { TimeLimit = TimeSpan.FromMinutes(value) },
            };
        }

        // The round uses rows 1 to 5 (keyboard, status and drag); a real measurement needs a run.
        problem = options is { Milestones: >= 6, Runs: >= 1 } ? null : "--milestones must be at least 6 and --runs at least 1.";
        return problem is null;
    }
}
