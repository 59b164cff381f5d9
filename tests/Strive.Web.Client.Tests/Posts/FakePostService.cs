using Strive.Domain.Common;
using Strive.Domain.Events;
using Strive.Domain.Posts;

namespace Strive.Web.Client.Tests.Posts;

/// <summary>A goal's story in memory behind <see cref="IPostService"/>, telling the notifier of each change like the real one.</summary>
public sealed class FakePostService(IGoalChangeNotifier notifier, TimeProvider clock) : IPostService
{
    private readonly List<PostView> _posts = [];

    public IReadOnlyList<PostView> Stored => _posts;

    /// <summary>A post written elsewhere (another browser, the API): stored and announced.</summary>
    public PostView Add(string goalId, string authorId, string description, params string[] mediaIds) =>
        Add(goalId, authorId, description, null, mediaIds);

    public PostView Add(string goalId, string authorId, string description, string? milestoneId, params string[] mediaIds)
    {
        var now = clock.GetUtcNow();
        var post = new PostView($"p{_posts.Count + 1}", goalId, authorId, authorId, description, "", milestoneId, now,
            [.. mediaIds.Select(id => new PostMediaView(id, "image/jpeg", 800, 600))], null, null, now, now, Guid.NewGuid());
        _posts.Add(post);
        notifier.Publish(new GoalChange(goalId, authorId, "elsewhere"));
        return post;
    }

    public Task<Result<PostPage>> ListAsync(string actorId, string goalId, int limit = 50, string? before = null,
        CancellationToken cancellationToken = default)
    {
        var ordered = _posts.Where(p => p.GoalId == goalId).OrderByDescending(p => p.Date).ThenByDescending(p => p.Id).ToList();
        var start = before is null ? 0 : ordered.FindIndex(p => p.Id == before) + 1;
        var page = ordered.Skip(start).Take(limit).ToList();
        return Task.FromResult<Result<PostPage>>(new PostPage(page, ordered.Count > start + limit));
    }

    public Task<Result<IReadOnlyList<PostView>>> ForMilestoneAsync(string actorId, string goalId, string milestoneId,
        CancellationToken cancellationToken = default) =>
        Task.FromResult<Result<IReadOnlyList<PostView>>>(_posts.Where(p => p.MilestoneId == milestoneId).ToList());

    public Task<Result<PostView>> GetAsync(string actorId, string goalId, string postId,
        CancellationToken cancellationToken = default) =>
        Task.FromResult(_posts.FirstOrDefault(p => p.Id == postId) is { } post ? post : Result<PostView>.Failure(PostErrors.NotFound));

    public Task<Result<PostCreation>> CreateAsync(string actorId, string goalId, NewPost post,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(post.Description))
        {
            return Task.FromResult<Result<PostCreation>>(PostErrors.DescriptionRequired);
        }

        var now = clock.GetUtcNow();
        var view = new PostView($"p{_posts.Count + 1}", goalId, actorId, actorId, post.Description.Trim(), post.Url ?? "",
            post.MilestoneId, now, [], null, null, now, now, Guid.NewGuid());
        _posts.Add(view);
        return Task.FromResult<Result<PostCreation>>(new PostCreation(view, true));
    }

    public Task<Result<PostView>> UpdateAsync(string actorId, string goalId, string postId, PostChanges changes,
        VersionCondition? condition = null, CancellationToken cancellationToken = default)
    {
        var index = _posts.FindIndex(p => p.Id == postId);
        _posts[index] = _posts[index] with { Description = changes.Description.HasValue ? changes.Description.Value! : _posts[index].Description };
        return Task.FromResult<Result<PostView>>(_posts[index]);
    }

    public Task<Result<PostView>> DeleteAsync(string actorId, string goalId, string postId,
        VersionCondition? condition = null, CancellationToken cancellationToken = default)
    {
        var post = _posts.Single(p => p.Id == postId);
        _posts.Remove(post);
        return Task.FromResult<Result<PostView>>(post);
    }

    public Task<Result<PostView>> AddMediaAsync(string actorId, string goalId, string postId, byte[] file,
        CancellationToken cancellationToken = default) =>
        Task.FromResult<Result<PostView>>(PostErrors.FileType);

    public Task<Result<MediaContent>> GetMediaAsync(string? actorId, string mediaId, bool thumbnail,
        CancellationToken cancellationToken = default) =>
        Task.FromResult<Result<MediaContent>>(PostErrors.MediaNotFound);
}
