using Microsoft.EntityFrameworkCore;
using Strive.Domain.Persistence;
using Strive.Domain.Users;

namespace Strive.Domain.Posts;

/// <summary>
/// Reads of posts as views, in a fixed number of commands whatever the story's length: the posts with their
/// authors' names in one query, their photos' metadata (never the bytes) in a second.
/// </summary>
internal static class PostQueries
{
    /// <summary>Where a page of the story starts: the post the caller saw last, as its sort key.</summary>
    internal sealed record Cursor(DateTimeOffset Date, DateTimeOffset CreatedAt, string Id);

    public static Task<Cursor?> CursorAsync(StriveDbContext db, string goalId, string postId,
        CancellationToken cancellationToken) =>
        db.Posts.AsNoTracking().Where(p => p.Id == postId && p.GoalId == goalId)
            .Select(p => new Cursor(p.Date, p.CreatedAt, p.Id)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Newest date first, then newest created, then id: a total order, so pages never overlap or skip.</summary>
    public static IQueryable<Post> Newest(IQueryable<Post> posts, Cursor? after)
    {
        if (after is not null)
        {
            posts = posts.Where(p => p.Date < after.Date
                || (p.Date == after.Date && (p.CreatedAt < after.CreatedAt
                    || (p.CreatedAt == after.CreatedAt && p.Id.CompareTo(after.Id) < 0))));
        }

        return posts.OrderByDescending(p => p.Date).ThenByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id);
    }

    /// <summary>The posts <paramref name="query"/> selects, in its order, as views.</summary>
    public static async Task<List<PostView>> ViewsAsync(StriveDbContext db, IQueryable<Post> query,
        CancellationToken cancellationToken)
    {
        var rows = await query
            .Select(p => new
            {
                Post = p,
                Author = db.Users.Where(u => u.Id == p.AuthorId).Select(u => new { u.DisplayName, u.Email })
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Post.Id).ToList();
        var media = ids.Count == 0
            ? []
            : await MediaOf(db, ids).ToListAsync(cancellationToken);
        var byPost = media.ToLookup(m => m.PostId);
        return [.. rows.Select(r => ToView(r.Post, StriveUser.ShownNameOf(r.Author?.DisplayName, r.Author?.Email),
            [.. byPost[r.Post.Id].OrderBy(m => m.Position).Select(m => m.View)]))];
    }

    public static PostView ToView(Post post, string authorName, IReadOnlyList<PostMediaView> media) =>
        new(post.Id, post.GoalId, post.AuthorId, authorName, post.Description, post.Url, post.MilestoneId, post.Date,
            media, post.Source, post.ExternalId, post.CreatedAt, post.UpdatedAt, post.Version);

    private sealed record MediaRow(string PostId, int Position, PostMediaView View);

    private static IQueryable<MediaRow> MediaOf(StriveDbContext db, List<string> postIds) =>
        db.PostMedia.AsNoTracking().Where(m => postIds.Contains(m.PostId))
            .Select(m => new MediaRow(m.PostId, m.Position, new PostMediaView(m.Id, m.ContentType, m.Width, m.Height)));
}
