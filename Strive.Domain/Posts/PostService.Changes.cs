using Microsoft.EntityFrameworkCore;
using Strive.Domain.Common;
using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Persistence;

namespace Strive.Domain.Posts;

/// <summary>The steps every change of one post shares: the gate, the post, who may touch it, the version.</summary>
public sealed partial class PostService
{
    /// <summary>
    /// Runs <paramref name="change"/> on one post of the goal, as a goal write (one transaction, the change notice)
    /// or, with <paramref name="write"/> false, as a plain read. Refusals in order: 404 "Goal not found"; 403
    /// <paramref name="forbidden"/> for whoever may not read the goal; 404 "Post not found"; 403 unless the actor is
    /// the author (still a stakeholder) or an admin; 412 when <paramref name="condition"/> refuses the post's version.
    /// </summary>
    private async Task<Result<T>> ChangePostAsync<T>(string actorId, string goalId, string postId, DomainError forbidden,
        VersionCondition? condition, Func<StriveDbContext, Post, DateTimeOffset, Task<Result<T>>> change,
        CancellationToken cancellationToken, bool write = true)
    {
        async Task<Result<T>> Run(StriveDbContext db)
        {
            var access = await GoalAccess.ReadGrantAsync(db, goalId, actorId, cancellationToken);
            if (!access.IsSuccess)
            {
                return access.Error == GoalErrors.NotFound ? access.Error : forbidden;
            }

            var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == postId && p.GoalId == goalId, cancellationToken);
            if (post is null)
            {
                return PostErrors.NotFound;
            }

            var roles = access.Value.Roles;
            if (!roles.IsAdmin() && (post.AuthorId != actorId || roles == StakeholderRoles.None))
            {
                return forbidden;
            }

            return condition is not null && !condition.Accepts(post.Version)
                ? GoalErrors.Stale(post.Version)
                : await change(db, post, clock.Now());
        }

        if (write)
        {
            return await writes.RunAsync(goalId, actorId, Run, cancellationToken);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Run(db);
    }

    /// <summary>Null when <paramref name="milestoneId"/> is null or a live milestone of the goal; else "Milestone not found".</summary>
    private static async Task<DomainError?> CheckMilestoneAsync(StriveDbContext db, string goalId, string? milestoneId,
        CancellationToken cancellationToken) =>
        milestoneId is null || await db.Milestones.AnyAsync(
            m => m.Id == milestoneId && m.GoalId == goalId && m.DeletedAt == null, cancellationToken)
            ? null
            : MilestoneErrors.NotFound;

    /// <summary>The goal's post of the same integration activity, if it has one (docs/api/API.md: answered, not duplicated).</summary>
    private static async Task<PostView?> ExistingAsync(StriveDbContext db, string goalId, Post post,
        CancellationToken cancellationToken)
    {
        if (post.Source is null || post.ExternalId is null)
        {
            return null;
        }

        var found = await PostQueries.ViewsAsync(db, db.Posts.AsNoTracking()
            .Where(p => p.GoalId == goalId && p.Source == post.Source && p.ExternalId == post.ExternalId), cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>The number of photos the post has, or "A post has at most 4 images" when it has them all.</summary>
    private static async Task<Result<int>> CountMediaAsync(StriveDbContext db, Post post, CancellationToken cancellationToken)
    {
        var count = await db.PostMedia.CountAsync(m => m.PostId == post.Id, cancellationToken);
        return count >= Post.MaxMedia ? PostErrors.TooManyImages : count;
    }

    private static void Record(StriveDbContext db, GoalEventType type, Post post, string actorId, DateTimeOffset now) =>
        db.GoalEvents.Add(new GoalEvent(post.GoalId, type, actorId, post.MilestoneId, post.Description, now));

    private static async Task<Result<PostView>> ViewAsync(StriveDbContext db, Post post, CancellationToken cancellationToken)
    {
        var media = await db.PostMedia.AsNoTracking().Where(m => m.PostId == post.Id).OrderBy(m => m.Position)
            .Select(m => new PostMediaView(m.Id, m.ContentType, m.Width, m.Height)).ToListAsync(cancellationToken);
        return PostQueries.ToView(post, await AuthorNameAsync(db, post.AuthorId, cancellationToken), media);
    }

    private static async Task<string> AuthorNameAsync(StriveDbContext db, string userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.DisplayName, u.Email }).FirstOrDefaultAsync(cancellationToken);
        return Users.StriveUser.ShownNameOf(user?.DisplayName, user?.Email);
    }
}
