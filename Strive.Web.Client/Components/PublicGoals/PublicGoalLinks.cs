namespace Strive.Web.Client.Components.PublicGoals;

/// <summary>Where the read-only goal page sends people.</summary>
public static class PublicGoalLinks
{
    /// <summary>The goal's own link: the same for its stakeholders and for anyone reading a public goal.</summary>
    public static string Goal(string goalId) => $"/goals/{Uri.EscapeDataString(goalId)}";

    /// <summary>Sign-in that comes back to the goal afterwards.</summary>
    public static string SignIn(string goalId) => $"Account/Login?ReturnUrl={Uri.EscapeDataString(Goal(goalId))}";
}
