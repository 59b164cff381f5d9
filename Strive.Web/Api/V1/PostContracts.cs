using System.Globalization;
using System.Text.Json;
using Strive.Domain.Common;
using Strive.Domain.Posts;

namespace Strive.Web.Api.V1;

/// <summary>A photo of a post: <c>url</c> serves the display rendition, <c>url?size=thumb</c> the thumbnail.</summary>
public sealed record PostMediaResponse(string Id, string Url, string ContentType, int Width, int Height);

/// <summary>A post as docs/api/API.md "Posts: the goal's story" shows it: every field, always.</summary>
public sealed record PostResponse(
    string Id,
    string GoalId,
    string Uid,
    string Description,
    string Url,
    string? MilestoneId,
    DateTimeOffset Date,
    IReadOnlyList<PostMediaResponse> Media,
    string? Source,
    string? ExternalId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static PostResponse From(PostView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.Id, view.GoalId, view.AuthorId, view.Description, view.Url, view.MilestoneId, view.Date,
            [.. view.Media.Select(m => new PostMediaResponse(m.Id, MediaUrl(m.Id), m.ContentType, m.Width, m.Height))],
            view.Source, view.ExternalId, view.CreatedAt, view.UpdatedAt);
    }

    public static string MediaUrl(string mediaId) => $"/media/{mediaId}";
}

/// <summary>A page of the story: the posts, and whether older ones follow.</summary>
public sealed record PostPageResponse(IReadOnlyList<PostResponse> Data, bool HasMore);

public sealed record DeletedPostResponse(string Id, bool Deleted);

/// <summary>Turns request objects and query strings into domain inputs, naming the first field that is wrong.</summary>
public static class PostRequests
{
    public static readonly string DescriptionRequired = PostErrors.DescriptionRequired.Message;
    public const string DateType = "date must be an ISO 8601 date";
    public static readonly string UrlType = PostErrors.UrlInvalid.Message;
    public const string MilestoneIdType = "milestoneId must be a string or null";
    public static readonly string SourceType = PostErrors.SourcePair.Message;

    private static readonly Field<string?> NewDescription = JsonFields.Text("description", DescriptionRequired,
            presence: Presence.Required, example: "\"Ran 12 km along the river\"")
        .Refusing(PostErrors.DescriptionTooLong, PostErrors.DescriptionControlCharacters);
    private static readonly Field<string?> Description = JsonFields.Text("description", DescriptionRequired,
            example: "\"Ran 12 km along the river\"")
        .Refusing(PostErrors.DescriptionTooLong, PostErrors.DescriptionControlCharacters);
    private static readonly Field<DateTimeOffset?> Date = JsonFields.Time("date", DateType);
    private static readonly Field<string?> Url = JsonFields.Text("url", UrlType, nullable: true,
        example: "\"https://example.com/activities/42\"");
    private static readonly Field<string?> MilestoneId = JsonFields.Text("milestoneId", MilestoneIdType, nullable: true,
        example: "\"ms001\"");
    private static readonly Field<string?> Source = JsonFields.Text("source", SourceType, nullable: true,
        example: "\"fittrack\"");
    private static readonly Field<string?> ExternalId = JsonFields.Text("externalId", SourceType, nullable: true,
        example: "\"run-2026-03-14\"");

    public static readonly RequestShape New = new("CreatePostRequest",
        NewDescription, Date, Url, MilestoneId, Source, ExternalId);

    // An update may move the date but not clear it: a post always happened at some time.
    private static readonly Field<DateTimeOffset?> ChangedDate = new Field<DateTimeOffset?>("date", Presence.Optional,
            Date.Schema with { Types = Microsoft.OpenApi.JsonSchemaType.String }, DateType, Date.Read)
        .Refusing(JsonFields.InvalidText("date"));

    public static readonly RequestShape Changes = new("UpdatePostRequest", Description, ChangedDate, Url, MilestoneId);

    public static Result<NewPost> ParseNew(JsonElement body)
    {
        var read = New.Reader(body);
        var description = read.ReadRequired(NewDescription);
        var date = read.Read(Date);
        var url = read.Read(Url);
        var milestoneId = read.Read(MilestoneId);
        var source = read.Read(Source);
        var externalId = read.Read(ExternalId);
        if (read.DomainError is { } error)
        {
            return error;
        }

        return new NewPost(description.Value, date.HasValue ? date.Value : null, url.HasValue ? url.Value : null,
            milestoneId.HasValue ? milestoneId.Value : null, source.HasValue ? source.Value : null,
            externalId.HasValue ? externalId.Value : null);
    }

    public static Result<PostChanges> ParseChanges(JsonElement body)
    {
        var read = Changes.Reader(body);
        var description = read.Read(Description);
        var date = read.Read(ChangedDate);
        if (date is { HasValue: true, Value: null })
        {
            read.Fail(DateType);
        }

        var changes = new PostChanges
        {
            Description = description,
            Date = date is { HasValue: true, Value: { } given } ? given : Optional<DateTimeOffset>.None,
            Url = read.Read(Url),
            MilestoneId = read.Read(MilestoneId),
        };
        if (changes.IsEmpty)
        {
            read.Fail(ApiErrors.NoValidFields);
        }

        return read.DomainError is { } error ? error : changes;
    }

    /// <summary><c>limit</c>: absent means 50; anything but a whole number 1-100 is refused.</summary>
    public static Result<int> ParseLimit(string? limit) =>
        limit is null ? IPostService.DefaultLimit
        : int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && value is >= 1 and <= IPostService.MaxLimit
            ? value
            : PostErrors.LimitInvalid;
}
