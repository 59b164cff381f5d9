using Strive.Domain.ApiKeys;

namespace Strive.Web.Client.Components.ApiKeys;

/// <summary>The words the API-keys page uses for scopes and the curl example (times: ReaderClock).</summary>
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
        ApiKeyScopes.SupportsWrite => "Pledge support, and accept or reject your pledges once they are due.",
        _ => "",
    };

    public static string CurlGoals(string baseUri, string key) =>
        $"curl -H \"Authorization: Bearer {key}\" {baseUri}api/v1/goals";
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
