using Microsoft.AspNetCore.Components;
using Strive.Domain.Milestones;
using Strive.Web.Client.Components.Time;

namespace Strive.Web.Client.Components.Board;

/// <summary>
/// The board's filter. A filtered view hides rows, so a position in it is not a position on the board: while
/// a filter is on, the board shows real positions but does not reorder (no drag, no Alt+arrows, no move items),
/// and says so, rather than guess where "above the row I can see" lands among rows it hides.
/// </summary>
public sealed partial class MilestoneBoard
{
    [CascadingParameter] private ReaderClock Clock { get; set; } = default!;

    [Parameter] public BoardFilter Filter { get; set; } = BoardFilter.None;
    [Parameter] public EventCallback<BoardFilter> FilterChanged { get; set; }

    private bool Filtered => Filter.IsActive;

    private bool CanReorder => CanPlan && !Filtered;

    private List<MilestoneView> VisibleRows => Filtered ? [.. _rows.Where(m => Filter.Matches(m, Clock))] : _rows;

    private Task ClearFilterAsync() => FilterChanged.InvokeAsync(BoardFilter.None);

    /// <summary>True (and says why) when a reorder asked for from the keyboard or the menu must wait for the filter to go.</summary>
    private bool RefuseReorderWhileFiltered()
    {
        if (!Filtered)
        {
            return false;
        }

        _announcement = "Clear the filter to reorder milestones";
        return true;
    }
}
