using Strive.Domain.ApiKeys;

namespace Strive.Web.OAuth;

/// <summary>Each scope as a person reads it on the consent page and the connected-apps list.</summary>
public static class ScopeSentences
{
    private static readonly Dictionary<string, string> Sentences = new(StringComparer.Ordinal)
    {
        [ApiKeyScopes.GoalsRead] = "See your goals",
        [ApiKeyScopes.GoalsWrite] = "Create and change your goals",
        [ApiKeyScopes.MilestonesRead] = "See the milestones of your goals",
        [ApiKeyScopes.MilestonesWrite] = "Add, change, move and delete milestones",
        ["posts:read"] = "Read the posts on your goals",
        ["posts:write"] = "Write, edit and delete posts",
        ["reminders:read"] = "See your reminders",
        ["reminders:write"] = "Create, change and delete your reminders",
        ["webhooks:read"] = "See your webhooks",
        ["webhooks:write"] = "Create and change your webhooks",
        [ApiKeyScopes.UserRead] = "See your name and email address",
        [ApiKeyScopes.SupportsRead] = "See the support pledged to your goals",
        [ApiKeyScopes.SupportsWrite] = "Pledge support and decide on pledges",
    };

    public static string Of(string scope) => Sentences.TryGetValue(scope, out var sentence) ? sentence : scope;
}
