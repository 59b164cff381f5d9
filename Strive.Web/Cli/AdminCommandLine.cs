using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Console;
using Strive.Domain.ApiKeys;
using Strive.Domain.Goals;
using Strive.Domain.Users;
using Strive.Web.Data;

namespace Strive.Web.Cli;

/// <summary>Operator commands: `Strive.Web admin &lt;command&gt; [options]`.</summary>
public static class AdminCommandLine
{
    public const string Usage = """
        Usage: Strive.Web admin <command> [options]

        Commands:
          create-user      --email E --password P [--name N]
                           Creates a browser account and prints its user id.
          create-api-key   --email E --name N --scopes s1,s2 [--expires ISO-8601]
                           Creates an API key for the user and prints the raw key on the last line.
                           Scopes: goals:read, goals:write, milestones:read, milestones:write,
                           reminders:read, reminders:write, user:read, supports:read, supports:write.
          add-stakeholder  --goal G --email E --roles admin,achiever,supporter,spectator
                           Adds the user to the goal with these roles (or adds the roles).
          help             Shows this text.
        """;

    public static bool IsAdminInvocation(string[] args) =>
        args.Length > 0 && string.Equals(args[0], "admin", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The admin commands run in the web app's own host. For one of them (<paramref name="args"/> as
    /// Program got them), logging keeps only warnings and writes them to stderr, so stdout holds just
    /// the command's answer (a script takes the key with `| tail -n 1`). Otherwise nothing changes.
    /// </summary>
    public static IHostApplicationBuilder AddAdminCommandLine(this IHostApplicationBuilder builder, string[] args)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (IsAdminInvocation(args))
        {
            builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning);
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        return builder;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var command = args.Length > 0 ? args[0].ToLowerInvariant() : "help";
        if (command is "help" or "--help" or "-h")
        {
            await output.WriteLineAsync(Usage);
            return 0;
        }

        if (command is not ("create-user" or "create-api-key" or "add-stakeholder"))
        {
            await error.WriteLineAsync($"Unknown command '{args[0]}'.\n\n{Usage}");
            return 2;
        }

        if (!AdminOptions.TryParse(args[1..], out var options, out var problem))
        {
            await error.WriteLineAsync($"{problem}\n\n{Usage}");
            return 2;
        }

        await services.PrepareDatabaseAsync();
        await using var scope = services.CreateAsyncScope();
        var outcome = command switch
        {
            "create-user" => await CreateUserAsync(scope.ServiceProvider, options),
            "create-api-key" => await CreateApiKeyAsync(scope.ServiceProvider, options),
            _ => await AddStakeholderAsync(scope.ServiceProvider, options),
        };

        if (outcome.Error is not null)
        {
            await error.WriteLineAsync(outcome.Error);
            return 1;
        }

        await output.WriteLineAsync(outcome.Output);
        return 0;
    }

    private static async Task<CommandOutcome> CreateUserAsync(IServiceProvider services, AdminOptions options)
    {
        if (options.Missing("email", "password") is { } missing)
        {
            return CommandOutcome.Fail(missing);
        }

        var users = services.GetRequiredService<UserManager<StriveUser>>();
        var email = options["email"]!;
        var name = StriveUser.CheckDisplayName(options["name"]);
        if (!name.IsSuccess)
        {
            return CommandOutcome.Fail(name.Error.Message);
        }

        var user = new StriveUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name.Value,
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
        };
        var created = await users.CreateAsync(user, options["password"]!);
        return created.Succeeded
            ? CommandOutcome.Ok(user.Id)
            : CommandOutcome.Fail("Could not create the user: "
                + string.Join(" ", created.Errors.Select(e => e.Description)));
    }

    private static async Task<CommandOutcome> CreateApiKeyAsync(IServiceProvider services, AdminOptions options)
    {
        if (options.Missing("email", "name", "scopes") is { } missing)
        {
            return CommandOutcome.Fail(missing);
        }

        DateTimeOffset? expires = null;
        if (options["expires"] is { } text)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                return CommandOutcome.Fail($"--expires '{text}' is not an ISO 8601 date.");
            }

            expires = parsed;
        }

        var user = await services.GetRequiredService<UserManager<StriveUser>>().FindByEmailAsync(options["email"]!);
        if (user is null)
        {
            return CommandOutcome.Fail($"No user with the email '{options["email"]}'.");
        }

        var scopes = options["scopes"]!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var created = await services.GetRequiredService<IApiKeyService>()
            .CreateAsync(user.Id, new NewApiKey(options["name"], scopes, expires));
        return created.IsSuccess
            ? CommandOutcome.Ok(created.Value.RawKey)
            : CommandOutcome.Fail("Could not create the API key: " + created.Error.Message);
    }

    private static async Task<CommandOutcome> AddStakeholderAsync(IServiceProvider services, AdminOptions options)
    {
        if (options.Missing("goal", "email", "roles") is { } missing)
        {
            return CommandOutcome.Fail(missing);
        }

        if (!StakeholderRolesExtensions.TryParse(options["roles"]!.Split(',', StringSplitOptions.RemoveEmptyEntries),
                out var roles))
        {
            return CommandOutcome.Fail(
                $"--roles '{options["roles"]}' must list roles from: admin, achiever, supporter, spectator.");
        }

        var added = await services.GetRequiredService<IStakeholderService>()
            .AddAsOperatorAsync(options["goal"]!, options["email"]!, roles);
        return added.IsSuccess
            ? CommandOutcome.Ok($"{added.Value.Email} is now {string.Join(", ", added.Value.Roles.ToNames())} "
                + $"of goal {options["goal"]}.")
            : CommandOutcome.Fail(added.Error.Message);
    }

    private sealed record CommandOutcome(string? Output, string? Error)
    {
        public static CommandOutcome Ok(string output) => new(output, null);

        public static CommandOutcome Fail(string error) => new(null, error);
    }
}
