using Strive.Domain.Common;

namespace Strive.Domain.Posts;

/// <summary>Every refusal about a post or its photos: the documented API message (docs/api/API.md "Posts"), to the letter.</summary>
public static class PostErrors
{
    public static readonly DomainError NotFound = DomainError.Define(ErrorKind.NotFound,
        "post.not_found", null,
        "Post not found",
        "This post no longer exists; someone may have deleted it.");

    public static readonly DomainError MediaNotFound = DomainError.Define(ErrorKind.NotFound,
        "post.media_not_found", null,
        "Media not found",
        "This photo no longer exists.");

    public static readonly DomainError CreateForbidden = DomainError.Define(ErrorKind.Forbidden,
        "post.create_forbidden", null,
        "Only admins and achievers can create posts",
        "Only the goal's admins and achievers can write posts.");

    public static readonly DomainError UpdateForbidden = DomainError.Define(ErrorKind.Forbidden,
        "post.update_forbidden", null,
        "Only post owner or goal admin can update posts",
        "Only the author of this post or an admin of the goal can change it.");

    public static readonly DomainError DeleteForbidden = DomainError.Define(ErrorKind.Forbidden,
        "post.delete_forbidden", null,
        "Only post owner or goal admin can delete posts",
        "Only the author of this post or an admin of the goal can delete it.");

    public static readonly DomainError DescriptionRequired = DomainError.Define(ErrorKind.Invalid,
        "post.description_required", "description",
        "description is required and must be a string",
        "Write something about what happened.");

    public static readonly DomainError DescriptionTooLong = DomainError.Define(ErrorKind.Invalid,
        "post.description_too_long", "description",
        $"description must be at most {Post.DescriptionMaxLength} characters",
        $"Keep the post to {Post.DescriptionMaxLength:N0} characters or fewer.");

    public static readonly DomainError DescriptionControlCharacters = DomainError.Define(ErrorKind.Invalid,
        "post.description_control_characters", "description",
        "description must not contain control characters",
        "The post contains characters that can't be shown. Retype it, or paste it as plain text.");

    public static readonly DomainError DateInFuture = DomainError.Define(ErrorKind.Invalid,
        "post.date_in_future", "date",
        "date must not be in the future",
        "The date can be at most one day ahead.");

    public static readonly DomainError UrlInvalid = DomainError.Define(ErrorKind.Invalid,
        "post.url_invalid", "url",
        "url must be an absolute http or https URL",
        "Give a full link starting with http:// or https://.");

    public static readonly DomainError SourcePair = DomainError.Define(ErrorKind.Invalid,
        "post.source_pair", "source",
        "source and externalId go together",
        "An integration's post needs both its source and its own id.");

    public static readonly DomainError LimitInvalid = DomainError.Define(ErrorKind.Invalid,
        "post.limit_invalid", "limit",
        "limit must be an integer between 1 and 100",
        "Ask for 1 to 100 posts at a time.");

    public static readonly DomainError FileType = DomainError.Define(ErrorKind.Invalid,
        "post.file_type", "file",
        "file must be a JPEG, PNG, WebP or GIF image",
        "Only JPEG, PNG, WebP and GIF photos can be added.");

    public static readonly DomainError FileTooLarge = DomainError.Define(ErrorKind.TooLarge,
        "post.file_too_large", "file",
        "file must be at most 10 MB",
        "Photos can be at most 10 MB.");

    public static readonly DomainError TooManyImages = DomainError.Define(ErrorKind.Invalid,
        "post.too_many_images", "file",
        $"A post has at most {Post.MaxMedia} images",
        $"A post can hold at most {Post.MaxMedia} photos.");
}
