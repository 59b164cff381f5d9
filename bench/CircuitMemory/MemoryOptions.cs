using System.Globalization;

namespace Strive.Bench.CircuitMemory;

internal sealed record MemoryOptions(int Boards, int Milestones, string? GcDumpPath, int WarmBoards = 1)
{
    public const string Usage = """
        Usage: bench/circuit-memory.sh [options]
           or: dotnet run -c Release --project bench/CircuitMemory -- [options]

          --boards N       boards held open at once, each its own tab and circuit (default 20)
          --milestones M   milestones on the goal every board shows (default 20, at least 6)
          --gcdump FILE    while the N boards are open, write a .gcdump of the app's process to FILE
                           (needs `dotnet tool restore`; read it with `dotnet gcdump report FILE`)
          --warm-boards K  before the warm reading, open the measured board K times, one tab at a time
                           (default 1, the issue's method). Tiered JIT compiles a method again, optimised,
                           after 30 calls: with K = 40 that one-time code is in the warm reading, not
                           spread over the N boards; only one board is ever open, so the GC heap is not
                           grown in advance.
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
                options = options with { GcDumpPath = Path.GetFullPath(args[i + 1]) };
                continue;
            }

            if (name is not ("--boards" or "--milestones" or "--warm-boards"))
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
                _ => options with { Milestones = value },
            };
        }

        problem = options is { Boards: >= 1, Milestones: >= 6, WarmBoards: >= 1 } ? null
            : "--boards and --warm-boards must be at least 1 and --milestones at least 6.";
        return problem is null;
    }
}
