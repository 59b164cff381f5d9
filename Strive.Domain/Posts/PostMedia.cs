using Strive.Domain.Common;

namespace Strive.Domain.Posts;

/// <summary>
/// One photo of a post, as the server re-encoded it (no EXIF, no GPS): a display rendition of at most
/// <see cref="PostImages.DisplayMaxPixels"/> px and a thumbnail of at most <see cref="PostImages.ThumbnailMaxPixels"/> px.
/// Both live in the database, so every instance of the app serves them (docs/decisions). Reads that list posts
/// project the metadata only; the bytes are read one rendition at a time, by <c>/media/&lt;id&gt;</c>.
/// </summary>
public sealed class PostMedia
{
    private PostMedia() { } // EF Core

    internal PostMedia(Post post, int position, PostRenditions renditions, DateTimeOffset now)
    {
        Id = Ids.New();
        PostId = post.Id;
        GoalId = post.GoalId;
        Position = position;
        ContentType = renditions.ContentType;
        Width = renditions.Width;
        Height = renditions.Height;
        Display = renditions.Display;
        Thumbnail = renditions.Thumbnail;
        CreatedAt = now;
    }

    public string Id { get; private set; } = "";

    public string PostId { get; private set; } = "";

    /// <summary>The goal whose readers may see it, kept here so serving a photo needs no join.</summary>
    public string GoalId { get; private set; } = "";

    /// <summary>0-based, in the order added.</summary>
    public int Position { get; private set; }

    public string ContentType { get; private set; } = "";

    public int Width { get; private set; }

    public int Height { get; private set; }

    public byte[] Display { get; private set; } = [];

    public byte[] Thumbnail { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }
}
