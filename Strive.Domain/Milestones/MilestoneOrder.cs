namespace Strive.Domain.Milestones;

/// <summary>
/// The ordering rule: the live milestones of a goal hold the positions 0..n-1, each once.
/// Every operation works on the full ordered list and renumbers it, so gaps and duplicates
/// cannot survive a change.
/// </summary>
public static class MilestoneOrder
{
    /// <summary>Inserts at <paramref name="position"/> (clamped to the end) and renumbers.</summary>
    public static void Insert(List<Milestone> ordered, Milestone milestone, int? position)
    {
        var index = Math.Clamp(position ?? ordered.Count, 0, ordered.Count);
        ordered.Insert(index, milestone);
        Renumber(ordered);
    }

    /// <summary>Moves to <paramref name="position"/> (clamped to the end), shifting the others.</summary>
    public static void Move(List<Milestone> ordered, Milestone milestone, int position)
    {
        ordered.Remove(milestone);
        Insert(ordered, milestone, position);
    }

    public static void Remove(List<Milestone> ordered, Milestone milestone)
    {
        ordered.Remove(milestone);
        Renumber(ordered);
    }

    /// <summary>The list sorted by stored position, ties broken by age so the result is stable.</summary>
    public static List<Milestone> Sort(IEnumerable<Milestone> live) =>
        [.. live.OrderBy(m => m.Order).ThenBy(m => m.CreatedAt).ThenBy(m => m.Id, StringComparer.Ordinal)];

    public static void Renumber(List<Milestone> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Order = i;
        }
    }
}
