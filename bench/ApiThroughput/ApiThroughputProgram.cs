namespace Strive.Bench.ApiThroughput;

/// <summary>The three modes bench/api-throughput.sh runs; see bench/README.md "API throughput".</summary>
internal static class ApiThroughputProgram
{
    // Not top-level statements: those would declare a second `Program` beside the app's.
    public static async Task<int> Main(string[] args) => args.FirstOrDefault() switch
    {
        "bare" => await BareEndpoint.RunAsync(args[1..]),
        "sql" => await SqlCounts.RunAsync(args[1..]),
        "stages" => await StageProfile.RunAsync(args[1..]),
        "posts" => await PostListTime.RunAsync(args[1..]),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("""
            Usage: ApiThroughput bare --urls http://127.0.0.1:PORT --file BODY.json
                     Kestrel answering every request with the file's bytes from memory (the ceiling).
                   ApiThroughput sql [--verbose]
                     The real app in this process, counting the SQL commands each kind of API request sends.
                   ApiThroughput stages [--iterations N]
                     The real app in this process: microseconds per stage of the authenticated milestone list.
                   ApiThroughput posts [--posts 10000] [--iterations 200]
                     The real app in this process: milliseconds to list 50 posts of a goal with that many posts.
            """);
        return 2;
    }
}
