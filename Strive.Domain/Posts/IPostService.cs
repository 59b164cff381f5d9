using Strive.Domain.Common;

namespace Strive.Domain.Posts;

/// <summary>
/// The one door to a goal's story, for the API and the goal page alike (docs/api/API.md "Posts: the goal's
/// story"). Reads: stakeholders, and anyone when the goal is public. Writes: admins and achievers create;
/// the author or an admin changes, deletes and adds photos. Each write records a goal event and tells open
/// boards, in the transaction of the change. Error messages are the documented API strings.
/// </summary>
public interface IPostService
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    /// <summary>Newest <see cref="Post.Date"/> first (ties: newest created); <paramref name="before"/> is the last post of the page before.</summary>
    Task<Result<PostPage>> ListAsync(string actorId, string goalId, int limit = DefaultLimit, string? before = null,
        CancellationToken cancellationToken = default);

    /// <summary>The live posts that link to one milestone, newest first (a milestone's editor shows them).</summary>
    Task<Result<IReadOnlyList<PostView>>> ForMilestoneAsync(string actorId, string goalId, string milestoneId,
        CancellationToken cancellationToken = default);

    Task<Result<PostView>> GetAsync(string actorId, string goalId, string postId,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// A new post; or, when <see cref="NewPost.Source"/> and <see cref="NewPost.ExternalId"/> name an activity the
    /// goal already has a post of, that post, unchanged (<see cref="PostCreation.Created"/> false).
    /// </summary>
    Task<Result<PostCreation>> CreateAsync(string actorId, string goalId, NewPost post,
        CancellationToken cancellationToken = default);

    /// <summary><paramref name="condition"/> is on the post's <see cref="PostView.Version"/> (If-Match).</summary>
    Task<Result<PostView>> UpdateAsync(string actorId, string goalId, string postId, PostChanges changes,
        VersionCondition? condition = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes the post and its photos for good; answers the post as it was.</summary>
    Task<Result<PostView>> DeleteAsync(string actorId, string goalId, string postId,
        VersionCondition? condition = null, CancellationToken cancellationToken = default);

    /// <summary>Adds one photo (<see cref="PostImages"/>): at most <see cref="Post.MaxMedia"/> per post.</summary>
    Task<Result<PostView>> AddMediaAsync(string actorId, string goalId, string postId, byte[] file,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// One rendition of a photo, for whoever may read its goal (<paramref name="actorId"/> null: nobody signed in).
    /// Anyone else is told it does not exist, so a private goal's photos are not even confirmed.
    /// </summary>
    Task<Result<MediaContent>> GetMediaAsync(string? actorId, string mediaId, bool thumbnail,
        CancellationToken cancellationToken = default);
}
