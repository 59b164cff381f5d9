using Microsoft.AspNetCore.Components;
using Strive.Web.Client.Components.Board;

namespace Strive.Web.Client.Pages.Goals;

/// <summary>
/// The board's filter lives in the address (<c>?show=overdue&amp;q=race</c>), so a filtered view can be shared
/// and survives a reload. Changing it replaces the history entry rather than adding one per keystroke.
/// </summary>
public sealed partial class GoalPage
{
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "show")] public string? ShowFilter { get; set; }

    [SupplyParameterFromQuery(Name = "q")] public string? Search { get; set; }

    private BoardFilter BoardFilter => BoardFilter.From(ShowFilter, Search);

    private void OnFilterChanged(BoardFilter filter) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["show"] = filter.ShowParameter,
            ["q"] = filter.TextParameter,
        }), replace: true);
}
