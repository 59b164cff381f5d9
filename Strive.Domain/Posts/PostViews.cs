using Strive.Domain.Common;

namespace Strive.Domain.Posts;

/// <summary>A photo of a post as readers see it; its bytes are served at <c>/media/&lt;id&gt;</c>.</summary>
public sealed record PostMediaView(string Id, string ContentType, int Width, int Height);

/// <summary>A post as every door shows it. <see cref="Version"/> is its ETag.</summary>
public sealed record PostView(
    string Id,
    string GoalId,
    string AuthorId,
    string AuthorName,
    string Description,
    string Url,
    string? MilestoneId,
    DateTimeOffset Date,
    IReadOnlyList<PostMediaView> Media,
    string? Source,
    string? ExternalId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    Guid Version);

/// <summary>One page of a goal's story, newest first; <see cref="HasMore"/> when older posts follow.</summary>
public sealed record PostPage(IReadOnlyList<PostView> Items, bool HasMore);

/// <summary>What a create answers: the post, and whether it is new or an integration's earlier post of the same activity.</summary>
public sealed record PostCreation(PostView Post, bool Created);

/// <summary>A new post's input. <see cref="Date"/> null means now.</summary>
public sealed record NewPost(
    string? Description,
    DateTimeOffset? Date = null,
    string? Url = null,
    string? MilestoneId = null,
    string? Source = null,
    string? ExternalId = null);

/// <summary>A partial update: absent fields stay; <see cref="MilestoneId"/> null unlinks, <see cref="Url"/> null or "" clears.</summary>
public sealed record PostChanges
{
    public Optional<string?> Description { get; init; }

    public Optional<DateTimeOffset> Date { get; init; }

    public Optional<string?> Url { get; init; }

    public Optional<string?> MilestoneId { get; init; }

    public bool IsEmpty => !Description.HasValue && !Date.HasValue && !Url.HasValue && !MilestoneId.HasValue;
}

/// <summary>The bytes of one rendition of a photo, for <c>/media/&lt;id&gt;</c>.</summary>
public sealed record MediaContent(byte[] Bytes, string ContentType);

/// <summary>What an upload became: the display rendition and the thumbnail, both re-encoded.</summary>
public sealed record PostRenditions(string ContentType, int Width, int Height, byte[] Display, byte[] Thumbnail);
