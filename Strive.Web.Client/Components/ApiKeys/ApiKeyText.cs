using System.Globalization;
using Strive.Domain.ApiKeys;

namespace Strive.Web.Client.Components.ApiKeys;

/// <summary>The words the API-keys page uses for scopes, times and the curl example.</summary>
public static class ApiKeyText
{
    /// <summary>Keys expiring within this window are marked as expiring soon.</summary>
    public static readonly TimeSpan SoonWindow = TimeSpan.FromDays(7);

    public const string KeyPlaceholder = "<your-key>";

    public static readonly IReadOnlyList<string> ReadOnlyScopes =
        [.. ApiKeyScopes.All.Where(scope => scope.EndsWith(":read", StringComparison.Ordinal))];

    public static string Explain(string scope) => scope switch
    {
        ApiKeyScopes.GoalsRead => "See the goals you are a stakeholder of.",
        ApiKeyScopes.GoalsWrite => "Create goals and change the ones you administer.",
        ApiKeyScopes.MilestonesRead => "See the milestones of those goals.",
        ApiKeyScopes.MilestonesWrite => "Add, change, reorder and delete milestones.",
        ApiKeyScopes.UserRead => "See your own profile: id, email and display name.",
        ApiKeyScopes.SupportsRead => "See the supports pledged to your goals.",
        _ => "",
    };

    public static string CurlGoals(string baseUri, string key) =>
        $"curl -H \"Authorization: Bearer {key}\" {baseUri}api/v1/goals";

    public static string Date(DateTimeOffset time) =>
        time.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"never", "just now", "5 minutes ago", "yesterday", "3 days ago", or a date.</summary>
    public static string LastUsed(DateTimeOffset? lastUsed, DateTimeOffset now)
    {
        if (lastUsed is not { } then)
        {
            return "never";
        }

        var ago = now - then;
        return ago switch
        {
            { TotalMinutes: < 1 } => "just now",
            { TotalMinutes: < 2 } => "a minute ago",
            { TotalHours: < 1 } => $"{(int)ago.TotalMinutes} minutes ago",
            { TotalHours: < 2 } => "an hour ago",
            { TotalDays: < 1 } => $"{(int)ago.TotalHours} hours ago",
            { TotalDays: < 2 } => "yesterday",
            { TotalDays: < 30 } => $"{(int)ago.TotalDays} days ago",
            _ => $"on {Date(then)}",
        };
    }

    /// <summary>"in 3 hours", "tomorrow", "in 5 days": how long an expiring key has left.</summary>
    public static string TimeLeft(DateTimeOffset expiresAt, DateTimeOffset now)
    {
        var left = expiresAt - now;
        return left switch
        {
            { TotalHours: < 1 } => "within the hour",
            { TotalHours: < 2 } => "in an hour",
            { TotalDays: < 1 } => $"in {(int)left.TotalHours} hours",
            { TotalDays: < 2 } => "tomorrow",
            _ => $"in {(int)left.TotalDays} days",
        };
    }
}

/// <summary>Where a key stands in its life, for the expiry column.</summary>
public enum ApiKeyExpiry
{
    Never,
    Later,
    Soon,
    Expired,
}

public static class ApiKeyExpiryExtensions
{
    public static ApiKeyExpiry ExpiryAt(this ApiKeyView key, DateTimeOffset now) => key.ExpiresAt switch
    {
        null => ApiKeyExpiry.Never,
        { } at when at <= now => ApiKeyExpiry.Expired,
        { } at when at - now <= ApiKeyText.SoonWindow => ApiKeyExpiry.Soon,
        _ => ApiKeyExpiry.Later,
    };
}
