using System.Globalization;
using Strive.Domain.ApiKeys;
using Strive.Domain.Posts;
using Strive.Web.Api;
using Strive.Web.Api.V1;

namespace Strive.Web.Mcp.Tools;

/// <summary>The goal's story, as /api/v1/goals/:goalId/posts answers it (docs/api/API.md "Posts: the goal's story").</summary>
public sealed class PostTools : IMcpToolSet
{
    private static readonly ToolKey PostId = new("postId", "The post's id, as list_posts answers it.");
    private static readonly ToolKey[] Post = [GoalTools.GoalId, PostId];

    // The REST query string of GET /posts, as tool arguments: the values are checked as the endpoint checks them.
    private static readonly Field<int> Limit = JsonFields.Position("limit", PostErrors.LimitInvalid.Message);
    private static readonly Field<string?> Before = JsonFields.Text("before", "before must be a string",
        nullable: true, example: "\"p0042\"");
    private static readonly RequestShape Page = new("ListPostsQuery", Limit, Before);

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["limit"] = "How many posts, 1-100 (default 50).",
        ["before"] = "A post's id: the page after that post (the last one of the previous page).",
        ["description"] = "What happened, in the achiever's words (say, \"Ran 12 km along the river\").",
        ["date"] = "When it happened: an ISO 8601 date or date-time, not in the future. Defaults to now.",
        ["url"] = "A link about it (http or https); null clears it.",
        ["milestoneId"] = "A milestone of the goal the post is about; null unlinks it.",
        ["source"] = "The app the activity comes from; with externalId, the same activity is never posted twice.",
        ["externalId"] = "The activity's id in source; with source, a second create answers the existing post.",
    };

    public IEnumerable<McpTool> Tools =>
    [
        new("list_posts", "List posts", "The goal's story, newest date first; hasMore says whether older posts follow. "
            + "Stakeholders, and anyone when the goal is public.",
            ApiKeyScopes.PostsRead, ToolEffect.ReadOnly, [GoalTools.GoalId], Page, ListAsync) { Fields = Fields },
        new("create_post", "Create a post", "Admins and achievers. When source and externalId name an activity the goal "
            + "already has a post of, answers that post and creates nothing.",
            ApiKeyScopes.PostsWrite, ToolEffect.Write, [GoalTools.GoalId], PostRequests.New, CreateAsync)
            { Fields = Fields },
        new("update_post", "Update a post", "The author or an admin. Changes only the fields given (at least one).",
            ApiKeyScopes.PostsWrite, ToolEffect.Write, Post, PostRequests.Changes, UpdateAsync) { Fields = Fields },
        new("delete_post", "Delete a post", "The author or an admin. The post and its photos are gone for good.",
            ApiKeyScopes.PostsWrite, ToolEffect.Destructive, Post, null, DeleteAsync),
    ];

    private static IPostService Service(ToolCall call) => call.Service<IPostService>();

    private static async Task<ToolAnswer> ListAsync(ToolCall call)
    {
        var read = Page.Reader(call.Body);
        var given = read.Read(Limit);
        var before = read.Read(Before);
        if (read.DomainError is { } error)
        {
            return ToolAnswer.Fail(error);
        }

        var limit = PostRequests.ParseLimit(given.HasValue ? given.Value.ToString(CultureInfo.InvariantCulture) : null);
        return !limit.IsSuccess ? ToolAnswer.Fail(limit.Error) : ToolAnswer.Body(
            await Service(call).ListAsync(call.UserId, call.Key(GoalTools.GoalId.Name), limit.Value,
                before.HasValue && before.Value is { Length: > 0 } id ? id : null, call.CancellationToken),
            page => new PostPageResponse([.. page.Items.Select(PostResponse.From)], page.HasMore));
    }

    private static async Task<ToolAnswer> CreateAsync(ToolCall call)
    {
        var input = PostRequests.ParseNew(call.Body);
        return !input.IsSuccess ? ToolAnswer.Fail(input.Error) : ToolAnswer.Of(
            await Service(call).CreateAsync(call.UserId, call.Key(GoalTools.GoalId.Name), input.Value,
                call.CancellationToken),
            creation => PostResponse.From(creation.Post));
    }

    private static async Task<ToolAnswer> UpdateAsync(ToolCall call)
    {
        var changes = PostRequests.ParseChanges(call.Body);
        return !changes.IsSuccess ? ToolAnswer.Fail(changes.Error) : ToolAnswer.Of(
            await Service(call).UpdateAsync(call.UserId, call.Key(GoalTools.GoalId.Name), call.Key(PostId.Name),
                changes.Value, cancellationToken: call.CancellationToken),
            PostResponse.From);
    }

    private static async Task<ToolAnswer> DeleteAsync(ToolCall call) => ToolAnswer.Of(
        await Service(call).DeleteAsync(call.UserId, call.Key(GoalTools.GoalId.Name), call.Key(PostId.Name),
            cancellationToken: call.CancellationToken),
        deleted => new DeletedPostResponse(deleted.Id, Deleted: true));
}
