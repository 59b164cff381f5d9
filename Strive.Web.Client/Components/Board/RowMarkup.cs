using Microsoft.AspNetCore.Components;

namespace Strive.Web.Client.Components.Board;

/// <summary>
/// The parts of a milestone row that carry no handler, as markup shared by every row and every circuit: one
/// render-tree frame each, pointing at the same string, where the elements were a frame per element and per
/// attribute that every open board kept for every row (docs/performance.md, "Circuit memory").
/// </summary>
internal static class RowMarkup
{
    private const int SharedPositions = 1024;
    private static readonly MarkupString?[] Positions = new MarkupString?[SharedPositions];

    /// <summary>The drag handle, once the board can be dragged.</summary>
    public static MarkupString Handle { get; } = DragHandle("milestone-handle");

    /// <summary>The drag handle while the page is prerendered: shown, but not yet usable.</summary>
    public static MarkupString WaitingHandle { get; } = DragHandle("milestone-handle waiting");

    /// <summary>The one-based position as shown beside the row (screen readers hear the row's place from the grid).</summary>
    public static MarkupString Position(int position)
    {
        if ((uint)position >= SharedPositions)
        {
            return PositionMarkup(position);
        }

        // A race builds the same string twice; either copy is right.
        return Positions[position] ??= PositionMarkup(position);
    }

    private static MarkupString PositionMarkup(int position) =>
        new($"<span class=\"milestone-position\" aria-hidden=\"true\">{position}</span>");

    private static MarkupString DragHandle(string classes) => new(
        $"<span class=\"{classes}\" data-testid=\"milestone-drag-handle\" data-sortable-handle aria-hidden=\"true\" "
        + $"title=\"Drag to reorder (or Alt+↑/↓ on a focused row)\">{BoardIcons.Use("drag")}</span>");
}
