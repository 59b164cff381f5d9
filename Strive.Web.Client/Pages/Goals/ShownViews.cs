using Strive.Domain.Events;
using Strive.Domain.Milestones;

namespace Strive.Web.Client.Pages.Goals;

/// <summary>
/// A reload reads every milestone and activity entry of the goal again: new objects with new strings, though
/// all but one or two are what the page shows already. A component that renders again keeps its previous
/// render tree (Blazor diffs the next one against it) and, through that tree, the objects it showed; so after
/// each change every open board held two copies of its milestones and its activity (docs/performance.md,
/// "Circuit memory"). Keeping the shown object where nothing in it changed leaves one copy, and lets the rows
/// that show it skip their render.
/// </summary>
public static class ShownViews
{
    public static IReadOnlyList<MilestoneView> Keep(IReadOnlyList<MilestoneView>? shown, IReadOnlyList<MilestoneView> read) =>
        Keep(shown, read, m => m.Id, SameMilestone);

    public static IReadOnlyList<GoalEventView> Keep(IReadOnlyList<GoalEventView>? shown, IReadOnlyList<GoalEventView> read) =>
        Keep(shown, read, e => e.Id, (a, b) => a == b);

    /// <summary>
    /// Equal in all but the goal's version, which changes with every change to the goal: the page never reads
    /// it from a milestone it shows (a conditional write reads the milestone again, see MilestoneBoard.Undo).
    /// Subtasks compare by content (a record compares a list by reference). Written with <c>with</c>, so a
    /// field added to the view takes part without a change here.
    /// </summary>
    private static bool SameMilestone(MilestoneView shown, MilestoneView read) =>
        shown with { GoalVersion = read.GoalVersion, Subtasks = read.Subtasks } == read
        && shown.Subtasks.SequenceEqual(read.Subtasks);

    private static IReadOnlyList<T> Keep<T>(IReadOnlyList<T>? shown, IReadOnlyList<T> read, Func<T, string> id,
        Func<T, T, bool> same) where T : class
    {
        if (shown is not { Count: > 0 })
        {
            return read;
        }

        var byId = new Dictionary<string, T>(shown.Count, StringComparer.Ordinal);
        foreach (var view in shown)
        {
            byId[id(view)] = view;
        }

        var kept = new T[read.Count];
        for (var i = 0; i < read.Count; i++)
        {
            var view = read[i];
            kept[i] = byId.TryGetValue(id(view), out var old) && same(old, view) ? old : view;
        }

        return kept;
    }
}
