namespace Strive.Web.Cli;

/// <summary>Operator commands: `Strive.Web admin &lt;command&gt; [options]`.</summary>
public static class AdminCommandLine
{
    public static bool IsAdminInvocation(string[] args) =>
        args.Length > 0 && string.Equals(args[0], "admin", StringComparison.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        await error.WriteLineAsync("Admin commands are not implemented yet.");
        _ = services;
        _ = args;
        _ = output;
        return 1;
    }
}
