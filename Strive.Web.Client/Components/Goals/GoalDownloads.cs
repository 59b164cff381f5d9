namespace Strive.Web.Client.Components.Goals;

/// <summary>Where the host serves a goal's downloads to the signed-in browser (Strive.Web/Downloads).</summary>
public static class GoalDownloads
{
    public static string Json(string goalId) => $"download/goals/{Uri.EscapeDataString(goalId)}/export.json";

    public static string Csv(string goalId) => $"download/goals/{Uri.EscapeDataString(goalId)}/milestones.csv";

    public const string MyData = "download/my-data.json";
}
