using Strive.Domain.Common;

namespace Strive.Domain.Posts;

/// <summary>
/// An entry in a goal's story (docs/api/API.md "Posts: the goal's story"). It refuses a description, a date, a
/// link or an integration's (source, externalId) pair past the documented limits, so no post can hold them.
/// <see cref="Version"/> is its own ETag, renewed on every change and checked when saving (a concurrency token),
/// so two writers of one post never both win, and a photo added beside another counts the one before it.
/// </summary>
public sealed class Post
{
    public const int DescriptionMaxLength = 5000;
    public const int UrlMaxLength = 2048;
    public const int SourceMaxLength = 200;
    public const int MaxMedia = 4;

    /// <summary>How far ahead a date may be: a day, so a post written across time zones is never refused.</summary>
    public static readonly TimeSpan FutureAllowance = TimeSpan.FromDays(1);

    private Post() { } // EF Core

    private Post(string goalId, string authorId, DateTimeOffset now)
    {
        Id = Ids.New();
        GoalId = goalId;
        AuthorId = authorId;
        CreatedAt = now;
        UpdatedAt = now;
        Version = Guid.NewGuid();
    }

    public string Id { get; private set; } = "";

    public string GoalId { get; private set; } = "";

    public string AuthorId { get; private set; } = "";

    public string Description { get; private set; } = "";

    /// <summary>"" when the post links nowhere.</summary>
    public string Url { get; private set; } = "";

    public string? MilestoneId { get; private set; }

    /// <summary>When it happened, which the author may set; the story is ordered by it.</summary>
    public DateTimeOffset Date { get; private set; }

    public string? Source { get; private set; }

    public string? ExternalId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Guid Version { get; private set; }

    /// <summary>A new post, or the first limit its input breaks (description, date, url, then the source pair).</summary>
    public static Result<Post> Create(string goalId, string authorId, NewPost input, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        var description = CheckDescription(input.Description);
        var date = CheckDate(input.Date ?? now, now);
        var url = CheckUrl(input.Url);
        var pair = CheckSourcePair(input.Source, input.ExternalId);
        if ((description.Error ?? date.Error ?? url.Error ?? pair.Error) is { } invalid)
        {
            return invalid;
        }

        return new Post(goalId, authorId, now)
        {
            Description = description.Value!,
            Date = date.Value,
            Url = url.Value!,
            MilestoneId = input.MilestoneId,
            Source = pair.Value.Source,
            ExternalId = pair.Value.ExternalId,
        };
    }

    /// <summary>Applies the given changes (the milestone already checked by the caller); false when nothing changed.</summary>
    public Result<bool> Revise(PostChanges changes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(changes);
        Result<string> description = changes.Description.HasValue ? CheckDescription(changes.Description.Value) : Description;
        Result<DateTimeOffset> date = changes.Date.HasValue ? CheckDate(changes.Date.Value, now) : Date;
        Result<string> url = changes.Url.HasValue ? CheckUrl(changes.Url.Value) : Url;
        if ((description.Error ?? date.Error ?? url.Error) is { } invalid)
        {
            return invalid;
        }

        var milestoneId = changes.MilestoneId.HasValue ? changes.MilestoneId.Value : MilestoneId;
        if (description.Value == Description && date.Value == Date && url.Value == Url && milestoneId == MilestoneId)
        {
            return false;
        }

        (Description, Date, Url, MilestoneId) = (description.Value!, date.Value, url.Value!, milestoneId);
        Touch(now);
        return true;
    }

    /// <summary>Renews the version: any change, a photo added included, makes an older ETag stale.</summary>
    public void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version = Guid.NewGuid();
    }

    private static Result<string> CheckDescription(string? description) =>
        TextRules.Check(description, DescriptionMaxLength, PostErrors.DescriptionRequired,
            PostErrors.DescriptionTooLong, PostErrors.DescriptionControlCharacters);

    private static Result<DateTimeOffset> CheckDate(DateTimeOffset date, DateTimeOffset now) =>
        date > now + FutureAllowance ? PostErrors.DateInFuture : date.ToUniversalTime();

    /// <summary>Null or blank: no link. Otherwise an absolute http(s) URL of at most 2,048 characters.</summary>
    private static Result<string> CheckUrl(string? url)
    {
        if (TextRules.HasControlCharacters(url ?? ""))
        {
            return PostErrors.UrlInvalid;
        }

        var text = TextRules.IsBlank(url ?? "") ? "" : url!.Trim();
        if (text.Length == 0)
        {
            return "";
        }

        return text.Length <= UrlMaxLength
            && Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0
                ? text
                : PostErrors.UrlInvalid;
    }

    private static Result<(string? Source, string? ExternalId)> CheckSourcePair(string? source, string? externalId)
    {
        if (source is null && externalId is null)
        {
            return (null, null);
        }

        return IsSourcePart(source) && IsSourcePart(externalId)
            ? (source, externalId)
            : PostErrors.SourcePair;
    }

    private static bool IsSourcePart(string? text) =>
        text is not null && !TextRules.IsBlank(text) && !TextRules.HasControlCharacters(text)
        && TextRules.CountCharacters(text) <= SourceMaxLength && text.Length <= TextRules.StorageLength(SourceMaxLength);
}
