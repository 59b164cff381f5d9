using System.Globalization;

namespace Strive.Domain.Events;

/// <summary>
/// What a <see cref="GoalEventType.MilestoneMoved"/> event keeps: the milestone's content and the one-based
/// position it went to, as "Run 5K → 3" (the format older events already have), so the timeline can read
/// it back as "moved “Run 5K” to position 3" whichever door the move came through.
/// </summary>
public static class MilestoneMovedDetail
{
    private const string Arrow = " → ";

    /// <param name="order">The zero-based position the milestone now holds.</param>
    public static string Format(string content, int order) =>
        string.Create(CultureInfo.InvariantCulture, $"{content}{Arrow}{order + 1}");

    /// <summary>The content and one-based position; the last arrow counts, as content may hold one too.</summary>
    public static bool TryParse(string detail, out string content, out int position)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var arrow = detail.LastIndexOf(Arrow, StringComparison.Ordinal);
        content = arrow < 0 ? detail : detail[..arrow];
        position = 0;
        return arrow >= 0 && int.TryParse(detail.AsSpan(arrow + Arrow.Length), NumberStyles.None,
            CultureInfo.InvariantCulture, out position);
    }
}
