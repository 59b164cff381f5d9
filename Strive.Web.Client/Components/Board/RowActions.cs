using Microsoft.AspNetCore.Components;
using Strive.Domain.Milestones;
using Strive.Web.Client.Components.Supports;

namespace Strive.Web.Client.Components.Board;

/// <summary>
/// What a row asks of its board. One instance per board, handed to every row: a row's parameters are then
/// its data and this one reference, where seven callbacks a row were seven frames in the list's render tree
/// and seven delegates a render, kept for as long as the board is open (docs/performance.md, "Circuit memory").
/// </summary>
public sealed class RowActions
{
    /// <summary>Move the row by a number of places (int.MinValue/MaxValue: top/bottom).</summary>
    public required EventCallback<(MilestoneView Milestone, int By)> MoveBy { get; init; }

    /// <summary>Open one of the board's shared menus for the row.</summary>
    public required EventCallback<RowMenuRequest> OpenMenu { get; init; }

    /// <summary>Open the row's editor.</summary>
    public required EventCallback<MilestoneView> Open { get; init; }

    public required EventCallback<MilestoneView> Pledge { get; init; }

    public required EventCallback<PledgeDecisionRequest> Decide { get; init; }

    /// <summary>One-tap complete: marks the milestone succeeded.</summary>
    public required EventCallback<MilestoneView> Complete { get; init; }

    /// <summary>Focus came into the row (on the row or one of its buttons): it becomes the board's tab stop.</summary>
    public required EventCallback<MilestoneView> Focused { get; init; }
}
