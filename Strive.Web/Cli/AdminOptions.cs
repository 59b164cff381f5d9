namespace Strive.Web.Cli;

/// <summary>`--name value` pairs of an admin command; every option takes exactly one value.</summary>
public sealed class AdminOptions
{
    private static readonly HashSet<string> Known =
        new(["email", "password", "name", "scopes", "expires", "goal", "roles"], StringComparer.Ordinal);

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public string? this[string name] => _values.TryGetValue(name, out var value) ? value : null;

    public static bool TryParse(IReadOnlyList<string> args, out AdminOptions options, out string? problem)
    {
        options = new AdminOptions();
        problem = null;
        for (var i = 0; i < args.Count; i += 2)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || !Known.Contains(arg[2..]))
            {
                problem = $"Unknown option '{arg}'.";
                return false;
            }

            if (i + 1 >= args.Count || string.IsNullOrWhiteSpace(args[i + 1]))
            {
                problem = $"Option '{arg}' needs a value.";
                return false;
            }

            options._values[arg[2..]] = args[i + 1];
        }

        return true;
    }

    /// <summary>The message for the first required option that is absent, or null when all are there.</summary>
    public string? Missing(params string[] required) =>
        required.FirstOrDefault(name => !_values.ContainsKey(name)) is { } name ? $"Missing required option --{name}." : null;
}
