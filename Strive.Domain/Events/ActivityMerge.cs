namespace Strive.Domain.Events;

/// <summary>
/// Folds one person's run of changes to one milestone into one timeline entry: an editing session that saves
/// every field as it goes would otherwise fill the activity with "edited" six times over.
/// </summary>
/// <remarks>
/// Merged when read, not when written: the events table keeps every change (who, what, when), so nothing is
/// lost, the write path stays one insert with no read-modify-write race between two editors, and the window
/// can change without rewriting history. Only revisions merge (edits, moves, status changes); creating,
/// deleting, restoring and pledging stay entries of their own. A run ends when the gap to the person's
/// previous change is more than <see cref="Window"/>, or when someone else acts on the same milestone in
/// between, so the timeline never reorders who did what to a milestone.
/// </remarks>
public static class ActivityMerge
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    /// <summary>Merges <paramref name="newestFirst"/> (newest first); each entry shown is a run's newest event with <see cref="GoalEventView.Changes"/> counting the run.</summary>
    public static IReadOnlyList<GoalEventView> Merge(IReadOnlyList<GoalEventView> newestFirst)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        var merged = new List<GoalEventView>(newestFirst.Count);
        // Per milestone, the run still open: its index in `merged`, its person, and its oldest event so far.
        var open = new Dictionary<string, (int Index, string ActorId, DateTimeOffset Oldest)>(StringComparer.Ordinal);
        foreach (var e in newestFirst)
        {
            if (e.MilestoneId is not { } milestoneId)
            {
                merged.Add(e);
                continue;
            }

            if (IsRevision(e.Type) && e.ActorId is { } actor && open.TryGetValue(milestoneId, out var run)
                && run.ActorId == actor && run.Oldest - e.CreatedAt <= Window)
            {
                merged[run.Index] = merged[run.Index] with { Changes = merged[run.Index].Changes + e.Changes };
                open[milestoneId] = run with { Oldest = e.CreatedAt };
                continue;
            }

            merged.Add(e);
            if (IsRevision(e.Type) && e.ActorId is { } starter)
            {
                open[milestoneId] = (merged.Count - 1, starter, e.CreatedAt);
            }
            else
            {
                open.Remove(milestoneId);
            }
        }

        return merged;
    }

    private static bool IsRevision(GoalEventType type) => type is GoalEventType.MilestoneUpdated
        or GoalEventType.MilestoneMoved or GoalEventType.MilestoneCompletedSuccessfully
        or GoalEventType.MilestoneCompletedUnsuccessfully or GoalEventType.MilestoneReopened;
}
