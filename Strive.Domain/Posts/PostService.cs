using Microsoft.EntityFrameworkCore;
using Strive.Domain.Common;
using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Persistence;

namespace Strive.Domain.Posts;

public sealed partial class PostService(
    IDbContextFactory<StriveDbContext> contexts,
    GoalWrites writes,
    TimeProvider clock) : IPostService
{
    public async Task<Result<PostPage>> ListAsync(string actorId, string goalId, int limit = IPostService.DefaultLimit,
        string? before = null, CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > IPostService.MaxLimit)
        {
            return PostErrors.LimitInvalid;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GoalAccess.ReadGrantAsync(db, goalId, actorId, cancellationToken);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        PostQueries.Cursor? cursor = null;
        if (before is not null && (cursor = await PostQueries.CursorAsync(db, goalId, before, cancellationToken)) is null)
        {
            return PostErrors.NotFound;
        }

        // One more than asked tells whether an older page follows, without a count.
        var query = PostQueries.Newest(db.Posts.AsNoTracking().Where(p => p.GoalId == goalId), cursor).Take(limit + 1);
        var views = await PostQueries.ViewsAsync(db, query, cancellationToken);
        return new PostPage([.. views.Take(limit)], views.Count > limit);
    }

    public async Task<Result<IReadOnlyList<PostView>>> ForMilestoneAsync(string actorId, string goalId,
        string milestoneId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GoalAccess.ReadGrantAsync(db, goalId, actorId, cancellationToken);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        var query = PostQueries.Newest(
            db.Posts.AsNoTracking().Where(p => p.GoalId == goalId && p.MilestoneId == milestoneId), null);
        return await PostQueries.ViewsAsync(db, query, cancellationToken);
    }

    public async Task<Result<PostView>> GetAsync(string actorId, string goalId, string postId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GoalAccess.ReadGrantAsync(db, goalId, actorId, cancellationToken);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        var views = await PostQueries.ViewsAsync(db,
            db.Posts.AsNoTracking().Where(p => p.Id == postId && p.GoalId == goalId), cancellationToken);
        return views.Count == 0 ? PostErrors.NotFound : views[0];
    }

    public async Task<Result<PostCreation>> CreateAsync(string actorId, string goalId, NewPost post,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        try
        {
            return await CreateOnceAsync(actorId, goalId, post, cancellationToken);
        }
        catch (DbUpdateException) when (post.Source is not null && post.ExternalId is not null)
        {
            // Two sends of one activity raced and the unique (goal, source, externalId) index kept the other:
            // the answer is that post, as it would have been had this send come second.
            return await CreateOnceAsync(actorId, goalId, post, cancellationToken);
        }
    }

    private Task<Result<PostCreation>> CreateOnceAsync(string actorId, string goalId, NewPost post,
        CancellationToken cancellationToken) =>
        writes.RunAsync<PostCreation>(goalId, actorId, async db =>
        {
            var roles = await GoalAccess.RolesAsync(db, goalId, actorId, r => r.CanPlan(), PostErrors.CreateForbidden,
                cancellationToken);
            if (!roles.IsSuccess)
            {
                return roles.Error;
            }

            var now = clock.Now();
            var created = Post.Create(goalId, actorId, post, now);
            if (!created.IsSuccess)
            {
                return created.Error;
            }

            if (await ExistingAsync(db, goalId, created.Value, cancellationToken) is { } existing)
            {
                return new PostCreation(existing, Created: false);
            }

            if (await CheckMilestoneAsync(db, goalId, post.MilestoneId, cancellationToken) is { } missing)
            {
                return missing;
            }

            db.Posts.Add(created.Value);
            Record(db, GoalEventType.PostCreated, created.Value, actorId, now);
            await db.SaveChangesAsync(cancellationToken);
            return new PostCreation(PostQueries.ToView(created.Value, await AuthorNameAsync(db, actorId, cancellationToken), []),
                Created: true);
        }, cancellationToken);

    public Task<Result<PostView>> UpdateAsync(string actorId, string goalId, string postId, PostChanges changes,
        VersionCondition? condition = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.IsEmpty)
        {
            return Task.FromResult<Result<PostView>>(CommonErrors.NothingToUpdate);
        }

        return ChangePostAsync(actorId, goalId, postId, PostErrors.UpdateForbidden, condition, async (db, post, now) =>
        {
            if (changes.MilestoneId is { HasValue: true, Value: var milestoneId } && milestoneId != post.MilestoneId
                && await CheckMilestoneAsync(db, goalId, milestoneId, cancellationToken) is { } missing)
            {
                return missing;
            }

            var revised = post.Revise(changes, now);
            if (!revised.IsSuccess)
            {
                return revised.Error;
            }

            if (revised.Value)
            {
                Record(db, GoalEventType.PostEdited, post, actorId, now);
                await db.SaveChangesAsync(cancellationToken);
            }

            return await ViewAsync(db, post, cancellationToken);
        }, cancellationToken);
    }

    public Task<Result<PostView>> DeleteAsync(string actorId, string goalId, string postId,
        VersionCondition? condition = null, CancellationToken cancellationToken = default) =>
        ChangePostAsync(actorId, goalId, postId, PostErrors.DeleteForbidden, condition, async (db, post, now) =>
        {
            var view = await ViewAsync(db, post, cancellationToken);
            await db.PostMedia.Where(m => m.PostId == post.Id).ExecuteDeleteAsync(cancellationToken);
            db.Posts.Remove(post);
            Record(db, GoalEventType.PostDeleted, post, actorId, now);
            await db.SaveChangesAsync(cancellationToken);
            return view;
        }, cancellationToken);

    public async Task<Result<PostView>> AddMediaAsync(string actorId, string goalId, string postId, byte[] file,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length > PostImages.MaxBytes)
        {
            return PostErrors.FileTooLarge;
        }

        if (PostImages.Sniff(file) is null)
        {
            return PostErrors.FileType;
        }

        // Who may add is checked before the decoding, which is the expensive part, and again in the write.
        var allowed = await ChangePostAsync(actorId, goalId, postId, PostErrors.UpdateForbidden, null,
            (db, post, _) => CountMediaAsync(db, post, cancellationToken), cancellationToken, write: false);
        if (!allowed.IsSuccess)
        {
            return allowed.Error;
        }

        var renditions = PostImages.Render(file);
        if (!renditions.IsSuccess)
        {
            return renditions.Error;
        }

        return await ChangePostAsync(actorId, goalId, postId, PostErrors.UpdateForbidden, null, async (db, post, now) =>
        {
            var count = await CountMediaAsync(db, post, cancellationToken);
            if (!count.IsSuccess)
            {
                return count.Error;
            }

            db.PostMedia.Add(new PostMedia(post, count.Value, renditions.Value, now));
            post.Touch(now);
            Record(db, GoalEventType.PostEdited, post, actorId, now);
            await db.SaveChangesAsync(cancellationToken);
            return await ViewAsync(db, post, cancellationToken);
        }, cancellationToken);
    }

    public async Task<Result<MediaContent>> GetMediaAsync(string? actorId, string mediaId, bool thumbnail,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var goalId = await db.PostMedia.AsNoTracking().Where(m => m.Id == mediaId).Select(m => m.GoalId)
            .FirstOrDefaultAsync(cancellationToken);
        if (goalId is null || !(await GoalAccess.ReadGrantAsync(db, goalId, actorId ?? "", cancellationToken)).IsSuccess)
        {
            return PostErrors.MediaNotFound;
        }

        // The bytes only once the reader is known to be allowed, and only the rendition asked for.
        var media = await db.PostMedia.AsNoTracking().Where(m => m.Id == mediaId)
            .Select(m => new MediaContent(thumbnail ? m.Thumbnail : m.Display, m.ContentType))
            .FirstOrDefaultAsync(cancellationToken);
        return media is null ? PostErrors.MediaNotFound : media;
    }
}
