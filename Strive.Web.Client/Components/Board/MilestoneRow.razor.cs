using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Strive.Domain.Milestones;
using Strive.Domain.Supports;
using Strive.Web.Client.Components.Supports;
using Strive.Web.Client.Components.Time;

namespace Strive.Web.Client.Components.Board;

/// <summary>
/// One milestone on the board. Rows hold no menus of their own (the board shares one status menu and
/// one actions menu), and a row renders again only when what it shows changed, so a change to one
/// milestone on a board of hundreds re-renders one row, not all of them.
/// </summary>
public sealed partial class MilestoneRow
{
    private RowSnapshot? _rendered;

    [Parameter, EditorRequired] public MilestoneView Milestone { get; set; } = default!;

    /// <summary>
    /// Overdue is judged on the reader's calendar; a new zone re-renders the row when that changes it. Handed
    /// down by the board rather than taken as a cascading parameter: a component subscribed to a cascading
    /// value that can change keeps a copy of its parameters (a 32-frame array) for as long as it lives.
    /// </summary>
    [Parameter, EditorRequired] public ReaderClock Clock { get; set; } = default!;

    /// <summary>One-based position, as shown.</summary>
    [Parameter, EditorRequired] public int Position { get; set; }

    [Parameter] public bool CanPlan { get; set; }
    [Parameter] public bool CanSupport { get; set; }

    /// <summary>False while the page is prerendered: buttons show disabled until a click can be honoured.</summary>
    [Parameter] public bool Interactive { get; set; }

    /// <summary>True for the board's one tab stop (roving tabindex): the row focused last, else the first.</summary>
    [Parameter] public bool Active { get; set; }

    /// <summary>The pledges this person may see on the row: their own, or every one for achievers and admins.</summary>
    [Parameter] public IReadOnlyList<SupportView> Pledges { get; set; } = [];
    [Parameter] public string ViewerId { get; set; } = "";
    [Parameter] public int AwaitingDecision { get; set; }

    /// <summary>What the row asks of its board (move, menus, editor, pledges, complete, focus): the board's one instance.</summary>
    [Parameter, EditorRequired] public RowActions Actions { get; set; } = default!;

    private string StatusName => Milestone.Status switch
    {
        MilestoneStatus.Succeeded => "succeeded",
        MilestoneStatus.Failed => "failed",
        _ => "pending",
    };

    // Literals rather than interpolations: every row of every open board keeps the strings it rendered.
    private string RowClass => Milestone.Status switch
    {
        MilestoneStatus.Succeeded => "milestone-row status-succeeded",
        MilestoneStatus.Failed => "milestone-row status-failed",
        _ => IsOverdue ? "milestone-row status-pending overdue" : "milestone-row status-pending",
    };

    private string StatusButtonLabel => Milestone.Status switch
    {
        MilestoneStatus.Succeeded => "Status: Succeeded. Change status",
        MilestoneStatus.Failed => "Status: Failed. Change status",
        _ => "Status: Pending. Change status",
    };

    private bool IsOverdue => Milestone.Status == MilestoneStatus.Pending
        && Milestone.Deadline is { } deadline && Clock.IsOverdue(deadline);

    /// <summary>"due in 3 days", "due today", "overdue by 2 days" for a pending milestone (reader's calendar); null otherwise.</summary>
    private string? DueText => Milestone.Status == MilestoneStatus.Pending && Milestone.Deadline is { } deadline
        ? Clock.Due(deadline) : null;

    /// <summary>
    /// Renders when what the row shows differs from what it last rendered. The snapshot is taken while
    /// rendering (<see cref="Rendering"/>), not here: Blazor does not ask ShouldRender before a component's
    /// first render, so a snapshot taken here would be missing after it, and every row would render a
    /// second time at the board's next update whether or not it changed (a second render tree per row).
    /// </summary>
    protected override bool ShouldRender() => RowSnapshot.Of(this) != _rendered;

    /// <summary>Called from the markup as it renders: what this render shows.</summary>
    private void Rendering() => _rendered = RowSnapshot.Of(this);

    private Task OpenAsync() => CanPlan ? Actions.Open.InvokeAsync(Milestone) : Task.CompletedTask;

    // Enter opens the editor; Alt+arrows move the focused row (the board's script stops the browser acting on them).
    private Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (!CanPlan)
        {
            return Task.CompletedTask;
        }

        if (e.Key == "Enter" && !e.AltKey && !e.CtrlKey && !e.ShiftKey)
        {
            return OpenAsync();
        }

        if (!e.AltKey)
        {
            return Task.CompletedTask;
        }

        int? by = e.Key switch
        {
            "ArrowUp" when e.ShiftKey => int.MinValue,
            "ArrowDown" when e.ShiftKey => int.MaxValue,
            "ArrowUp" => -1,
            "ArrowDown" => 1,
            "Home" => int.MinValue,
            "End" => int.MaxValue,
            _ => null,
        };
        return by is { } places ? Actions.MoveBy.InvokeAsync((Milestone, places)) : Task.CompletedTask;
    }

    /// <summary>Everything the row's markup depends on, compared by value (not by UpdatedAt: two edits can share a millisecond).</summary>
    private sealed record RowSnapshot(string Id, string Content, string Description, MilestoneStatus Status,
        DateTimeOffset? Deadline, int SubtasksDone, int Subtasks, int SupportCount, int Position, bool CanPlan,
        bool CanSupport, bool Interactive, bool Overdue, int AwaitingDecision, string Pledges, string? Due, bool Active)
    {
        public static RowSnapshot Of(MilestoneRow row)
        {
            var m = row.Milestone;
            return new(m.Id, m.Content, m.Description, m.Status, m.Deadline, m.Subtasks.Count(s => s.Completed),
                m.Subtasks.Count, m.SupportCount, row.Position, row.CanPlan, row.CanSupport, row.Interactive,
                row.IsOverdue, row.AwaitingDecision,
                PledgeList.Signature(row.Pledges),
                row.DueText, row.Active);
        }
    }
}

public enum RowMenu
{
    Status,
    Actions,
}

/// <summary>A row asks the board to open one of the shared menus for it, at the pointer or under the button.</summary>
public sealed record RowMenuRequest(MilestoneView Milestone, RowMenu Menu, MouseEventArgs Click);
