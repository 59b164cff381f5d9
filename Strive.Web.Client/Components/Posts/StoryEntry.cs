using Strive.Domain.Milestones;
using Strive.Domain.Posts;

namespace Strive.Web.Client.Components.Posts;

/// <summary>One line of a goal's story: a post, or a milestone's completion, at the moment it happened.</summary>
public sealed record StoryEntry(DateTimeOffset At, PostView? Post, MilestoneView? Completed)
{
    public string Key => Post?.Id ?? "m-" + Completed!.Id;

    /// <summary>
    /// Posts and completions together, newest first. While older posts remain unloaded, completions older than
    /// the oldest loaded post wait with them, so the story never shows a completion out of its place.
    /// </summary>
    public static IReadOnlyList<StoryEntry> Merge(IReadOnlyList<PostView> posts, bool hasMore,
        IReadOnlyList<MilestoneView>? milestones)
    {
        var oldest = hasMore && posts.Count > 0 ? posts[^1].Date : DateTimeOffset.MinValue;
        var completions = (milestones ?? [])
            .Where(m => m.Status != MilestoneStatus.Pending && m.FinishedAt is { } at && at >= oldest)
            .Select(m => new StoryEntry(m.FinishedAt!.Value, null, m));
        return [.. posts.Select(p => new StoryEntry(p.Date, p, null)).Concat(completions)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Post?.CreatedAt ?? e.At)];
    }
}
