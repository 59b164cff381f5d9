namespace Strive.Domain.ApiKeys;

/// <summary>The scopes an API key can carry (docs/api/API.md "Authentication"); any other name is refused.</summary>
public static class ApiKeyScopes
{
    public const string GoalsRead = "goals:read";
    public const string GoalsWrite = "goals:write";
    public const string MilestonesRead = "milestones:read";
    public const string MilestonesWrite = "milestones:write";
    public const string PostsRead = "posts:read";
    public const string PostsWrite = "posts:write";
    public const string RemindersRead = "reminders:read";
    public const string RemindersWrite = "reminders:write";
    public const string UserRead = "user:read";
    public const string SupportsRead = "supports:read";
    public const string SupportsWrite = "supports:write";

    public static readonly IReadOnlyList<string> All =
        [GoalsRead, GoalsWrite, MilestonesRead, MilestonesWrite, PostsRead, PostsWrite, RemindersRead, RemindersWrite,
            UserRead, SupportsRead, SupportsWrite];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);
}
