using Strive.Domain.Milestones;

namespace Strive.Web.Client.Components.Board;

/// <summary>
/// What someone else just changed on a board, in one sentence for a screen reader's polite announcement
/// ("Ada marked “Run 5K” succeeded."), worked out from the milestones before and after the reload.
/// </summary>
public static class BoardChangeSummary
{
    private const int MostPartsNamed = 3;

    /// <param name="who">Who changed it, as the sentence starts: "Ada", "Someone".</param>
    public static string Describe(IReadOnlyList<MilestoneView>? before, IReadOnlyList<MilestoneView>? after, string who)
    {
        var parts = before is null || after is null ? [] : Parts(before, after);
        return parts.Count switch
        {
            0 => $"{who} updated the goal.",
            > MostPartsNamed => $"{who} made {parts.Count} changes to the milestones.",
            _ => $"{who} {string.Join(", ", parts)}.",
        };
    }

    private static List<string> Parts(IReadOnlyList<MilestoneView> before, IReadOnlyList<MilestoneView> after)
    {
        var then = before.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var now = after.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var parts = new List<string>();
        parts.AddRange(after.Where(m => !then.ContainsKey(m.Id)).Select(m => $"added “{m.Content}”"));
        parts.AddRange(before.Where(m => !now.ContainsKey(m.Id)).Select(m => $"deleted “{m.Content}”"));
        foreach (var m in after)
        {
            if (!then.TryGetValue(m.Id, out var was))
            {
                continue;
            }

            if (was.Status != m.Status)
            {
                parts.Add(m.Status == MilestoneStatus.Pending
                    ? $"reopened “{m.Content}”"
                    : $"marked “{m.Content}” {m.Status.ToString().ToLowerInvariant()}");
            }
            else if (was.Content != m.Content || was.Description != m.Description || was.Deadline != m.Deadline
                || !was.Subtasks.SequenceEqual(m.Subtasks))
            {
                parts.Add($"edited “{m.Content}”");
            }
        }

        if (Moved(before, after, then, now) is { } moved)
        {
            parts.Add(moved);
        }

        return parts;
    }

    /// <summary>The one row that moved ("moved “X” to position 2"), or "reordered the milestones" when several did.</summary>
    private static string? Moved(IReadOnlyList<MilestoneView> before, IReadOnlyList<MilestoneView> after,
        Dictionary<string, MilestoneView> then, Dictionary<string, MilestoneView> now)
    {
        var kept = before.Where(m => now.ContainsKey(m.Id)).Select(m => m.Id).ToList();
        var order = after.Where(m => then.ContainsKey(m.Id)).Select(m => m.Id).ToList();
        if (kept.SequenceEqual(order))
        {
            return null;
        }

        foreach (var id in order)
        {
            if (kept.Where(k => k != id).SequenceEqual(order.Where(k => k != id)))
            {
                var position = after.ToList().FindIndex(m => m.Id == id) + 1;
                return $"moved “{now[id].Content}” to position {position}";
            }
        }

        return "reordered the milestones";
    }
}
