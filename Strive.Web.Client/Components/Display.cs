using MudBlazor;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;

namespace Strive.Web.Client.Components;

/// <summary>How statuses and roles look (dates and times: <see cref="Time.ReaderClock"/>), kept in one place so every page says them the same way.</summary>
public static class Display
{
    public static Color Color(GoalStatus status) => status switch
    {
        GoalStatus.Succeeded => MudBlazor.Color.Success,
        GoalStatus.Failed => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Info,
    };

    public static Color Color(MilestoneStatus status) => status switch
    {
        MilestoneStatus.Succeeded => MudBlazor.Color.Success,
        MilestoneStatus.Failed => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };

    public static string Icon(MilestoneStatus status) => status switch
    {
        MilestoneStatus.Succeeded => Icons.Material.Filled.CheckCircle,
        MilestoneStatus.Failed => Icons.Material.Filled.Cancel,
        _ => Icons.Material.Outlined.RadioButtonUnchecked,
    };

    public static IEnumerable<string> RoleNames(StakeholderRoles roles) =>
        Enum.GetValues<StakeholderRoles>()
            .Where(r => r != StakeholderRoles.None && roles.HasFlag(r))
            .Select(r => r.ToString());

    public static int Percent(int done, int total) => total == 0 ? 0 : (int)Math.Round(100.0 * done / total);

    public static string Excerpt(string text, int length = 120) =>
        text.Length <= length ? text : string.Concat(text.AsSpan(0, length).TrimEnd(), "…");
}
