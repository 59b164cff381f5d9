using System.Globalization;

namespace Strive.Bench.CircuitMemory;

internal sealed record MemoryOptions(int Boards, int Milestones, string? GcDumpFolder, int WarmBoards = 40, string? SmapsFolder = null, int Rounds = 3)
{
    public const string Usage = """
        Usage: bench/circuit-memory.sh [options]
           or: dotnet run -c Release --project bench/CircuitMemory -- [options]

          --boards N       boards held open at once, each its own tab and circuit (default 20)
          --milestones M   milestones on the goal every board shows (default 20, at least 6)
          --gcdump DIR     write a heap dump of the app's process into DIR after the warm reading, the
                           reading after the change and the closed one (1-warm.gcdump, 3-changed.gcdump,
                           4-closed.gcdump; needs `dotnet tool restore`; read with `dotnet gcdump report FILE`)
          --smaps DIR      at each reading, copy the app's /proc/PID/smaps into DIR (1-warm.smaps ... 4-closed.smaps),
                           to see which mappings the resident memory grew in
          --warm-boards K  open the measured board K times, one tab at a time, each seeing a change (a new
                           title), before the N boards (default 40). The first warm reading comes after the
                           first of them (the issue's method), the second after all K. Tiered JIT compiles a
                           method again, optimised, after 30 calls, and that code (and the JIT's working
                           memory, which the C library keeps) is one-time: with K = 40 it is in the second
                           warm reading, not spread over the N boards. Only one board is ever open, so the GC
                           heap is not grown in advance.
          --rounds R       measured rounds (default 3). Each opens the N boards, shows them one change and
                           closes them all. Round 1 is read against the warm readings; every later round
                           against the reading after the round before it closed, when the process has served
                           those N boards once (its pools sized, their code compiled, the GC's budgets tuned
                           to them), which is what each further board costs a server that has been running.
        """;

    public static bool TryParse(string[] args, out MemoryOptions options, out string? problem)
    {
        options = new MemoryOptions(20, 20, null);
        problem = null;
        for (var i = 0; i < args.Length; i += 2)
        {
            var name = args[i];
            if (name is "--help" or "-h")
            {
                problem = "";
                return false;
            }

            if (i + 1 >= args.Length)
            {
                problem = $"'{name}' needs a value after it.";
                return false;
            }

            if (name == "--gcdump")
            {
                options = options with { GcDumpFolder = Path.GetFullPath(args[i + 1]) };
                continue;
            }

            if (name == "--smaps")
            {
                options = options with { SmapsFolder = Path.GetFullPath(args[i + 1]) };
                continue;
            }

            if (name is not ("--boards" or "--milestones" or "--warm-boards" or "--rounds"))
            {
                problem = $"Unknown option '{name}'.";
                return false;
            }

            if (!int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                problem = $"'{name}' needs a whole number after it.";
                return false;
            }

            options = name switch
            {
                "--boards" => options with { Boards = value },
                "--warm-boards" => options with { WarmBoards = value },
                "--rounds" => options with { Rounds = value },
                _ => options with { Milestones = value },
            };
        }

        problem = options is { Boards: >= 1, Milestones: >= 6, WarmBoards: >= 1, Rounds: >= 1 } ? null
            : "--boards, --warm-boards and --rounds must be at least 1, and --milestones at least 6.";
        return problem is null;
    }
}
