using System.Net;
using System.Text.Json;
using Strive.Domain.ApiKeys;
using Strive.Domain.Goals;
using Strive.Web.Tests.Api;
using Strive.Web.Tests.Infrastructure;
using static Strive.Web.Tests.Api.ApiTestHelpers;

namespace Strive.Web.Tests.Posts;

/// <summary>docs/api/API.md "Posts: the goal's story": shapes, limits, who may do what, the dedupe of integrations.</summary>
public sealed class PostsApiTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    [Fact]
    public async Task Create_AnswersThePostWithEveryField_AndGetReadsIt()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var milestoneId = await owner.CreateMilestoneIdAsync(goalId, "Run 5K");

        var created = await (await owner.Client.PostJsonAsync($"/api/v1/goals/{goalId}/posts",
            $$"""{"description": "  Ran 12 km  ", "milestoneId": "{{milestoneId}}", "url": "https://example.com/run/1"}"""))
            .DataAsync(HttpStatusCode.Created);

        AssertProperties(created, "id", "goalId", "uid", "description", "url", "milestoneId", "date", "media", "source",
            "externalId", "createdAt", "updatedAt");
        Assert.Equal("Ran 12 km", created.GetProperty("description").GetString());
        Assert.Equal(owner.UserId, created.GetProperty("uid").GetString());
        Assert.Equal(goalId, created.GetProperty("goalId").GetString());
        Assert.Equal(milestoneId, created.GetProperty("milestoneId").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("source").ValueKind);
        Assert.Equal(0, created.GetProperty("media").GetArrayLength());
        AssertTime(created.GetProperty("date"));
        var read = await (await owner.Client.GetAsync($"/api/v1/goals/{goalId}/posts/{created.GetProperty("id").GetString()}"))
            .DataAsync();
        Assert.Equal("https://example.com/run/1", read.GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("""{}""", "description is required and must be a string")]
    [InlineData("""{"description": "   "}""", "description is required and must be a string")]
    [InlineData("""{"description": 5}""", "description is required and must be a string")]
    [InlineData("""{"description": "x", "url": "ftp://example.com/a"}""", "url must be an absolute http or https URL")]
    [InlineData("""{"description": "x", "url": "/relative"}""", "url must be an absolute http or https URL")]
    [InlineData("""{"description": "x", "date": "2999-01-01T00:00:00.000Z"}""", "date must not be in the future")]
    [InlineData("""{"description": "x", "source": "fittrack"}""", "source and externalId go together")]
    [InlineData("""{"description": "x", "externalId": "1"}""", "source and externalId go together")]
    [InlineData("""{"description": "x", "source": "", "externalId": "1"}""", "source and externalId go together")]
    public async Task Create_WithBadInput_Returns400WithTheDocumentedMessage(string body, string error)
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();

        await (await owner.Client.PostJsonAsync($"/api/v1/goals/{goalId}/posts", body))
            .AssertErrorAsync(HttpStatusCode.BadRequest, error);
    }

    [Fact]
    public async Task Create_PastTheLimits_Returns400_AndAnUnknownMilestone404()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var path = $"/api/v1/goals/{goalId}/posts";

        await (await owner.Client.PostJsonAsync(path, $$"""{"description": "{{new string('x', 5001)}}"}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "description must be at most 5000 characters");
        await (await owner.Client.PostJsonAsync(path, $$"""{"description": "x", "source": "{{new string('s', 201)}}", "externalId": "1"}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "source and externalId go together");
        await (await owner.Client.PostJsonAsync(path, $$"""{"description": "x", "url": "https://e.com/{{new string('a', 2048)}}"}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "url must be an absolute http or https URL");
        await (await owner.Client.PostJsonAsync(path, """{"description": "x", "milestoneId": "nope"}"""))
            .AssertErrorAsync(HttpStatusCode.NotFound, "Milestone not found");
        await (await owner.Client.PostJsonAsync("/api/v1/goals/nope/posts", """{"description": "x"}"""))
            .AssertErrorAsync(HttpStatusCode.NotFound, "Goal not found");
        Assert.Equal(HttpStatusCode.Created, (await owner.Client.PostJsonAsync(path,
            $$"""{"description": "{{string.Concat(Enumerable.Repeat("👍", 5000))}}"}""")).StatusCode);
    }

    [Fact]
    public async Task Create_SameSourceAndExternalIdTwice_Answers200WithTheFirstPost()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var path = $"/api/v1/goals/{goalId}/posts";
        const string Run = """{"description": "Ran 12 km", "source": "fittrack", "externalId": "run-42"}""";

        var first = await (await owner.Client.PostJsonAsync(path, Run)).DataAsync(HttpStatusCode.Created);
        var again = await (await owner.Client.PostJsonAsync(path,
            """{"description": "Ran 12 km (sent again)", "source": "fittrack", "externalId": "run-42"}""")).DataAsync();
        var other = await (await owner.Client.PostJsonAsync(path,
            """{"description": "Ran 5 km", "source": "fittrack", "externalId": "run-43"}""")).DataAsync(HttpStatusCode.Created);

        Assert.Equal(first.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        Assert.Equal("Ran 12 km", again.GetProperty("description").GetString());
        Assert.NotEqual(first.GetProperty("id").GetString(), other.GetProperty("id").GetString());
        var list = await (await owner.Client.GetAsync(path)).JsonAsync();
        Assert.Equal(2, list.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Create_BySupporterOrSpectator_Returns403_AndAchieverMayPost()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var supporter = await app.CreateCallerAsync();
        var achiever = await app.CreateCallerAsync();
        await app.JoinAsync(supporter, goalId, StakeholderRoles.Supporter | StakeholderRoles.Spectator);
        await app.JoinAsync(achiever, goalId, StakeholderRoles.Achiever);
        var path = $"/api/v1/goals/{goalId}/posts";

        await (await supporter.Client.PostJsonAsync(path, """{"description": "x"}"""))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "Only admins and achievers can create posts");
        Assert.Equal(HttpStatusCode.Created, (await achiever.Client.PostJsonAsync(path, """{"description": "x"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supporter.Client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task UpdateAndDelete_ByAuthorOrAdminOnly()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var achiever = await app.CreateCallerAsync();
        var other = await app.CreateCallerAsync();
        await app.JoinAsync(achiever, goalId, StakeholderRoles.Achiever);
        await app.JoinAsync(other, goalId, StakeholderRoles.Achiever);
        var post = await CreatePostAsync(achiever, goalId, "Mine");
        var path = $"/api/v1/goals/{goalId}/posts/{post}";

        await (await other.Client.PatchJsonAsync(path, """{"description": "Theirs"}"""))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "Only post owner or goal admin can update posts");
        await (await other.Client.DeleteAsync(path))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "Only post owner or goal admin can delete posts");
        var edited = await (await achiever.Client.PatchJsonAsync(path, """{"description": "Mine, edited"}""")).DataAsync();
        Assert.Equal("Mine, edited", edited.GetProperty("description").GetString());
        var byAdmin = await (await owner.Client.PatchJsonAsync(path, """{"url": "https://example.com"}""")).DataAsync();
        Assert.Equal("https://example.com", byAdmin.GetProperty("url").GetString());

        var deleted = await (await owner.Client.DeleteAsync(path)).DataAsync();
        Assert.Equal(post, deleted.GetProperty("id").GetString());
        Assert.True(deleted.GetProperty("deleted").GetBoolean());
        await (await owner.Client.GetAsync(path)).AssertErrorAsync(HttpStatusCode.NotFound, "Post not found");
        await (await owner.Client.PatchJsonAsync(path, """{"description": "x"}"""))
            .AssertErrorAsync(HttpStatusCode.NotFound, "Post not found");
        await (await owner.Client.DeleteAsync(path)).AssertErrorAsync(HttpStatusCode.NotFound, "Post not found");
    }

    [Fact]
    public async Task Update_WithNothingKnown_Returns400_AndMilestoneNullUnlinks()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var milestoneId = await owner.CreateMilestoneIdAsync(goalId, "Run 5K");
        var post = (await (await owner.Client.PostJsonAsync($"/api/v1/goals/{goalId}/posts",
            $$"""{"description": "x", "milestoneId": "{{milestoneId}}"}""")).DataAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString();
        var path = $"/api/v1/goals/{goalId}/posts/{post}";

        await (await owner.Client.PatchJsonAsync(path, """{"title": "x"}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "No valid fields to update");
        await (await owner.Client.PatchJsonAsync(path, """{"milestoneId": "nope"}"""))
            .AssertErrorAsync(HttpStatusCode.NotFound, "Milestone not found");
        await (await owner.Client.PatchJsonAsync(path, """{"date": "2999-01-01"}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "date must not be in the future");
        var unlinked = await (await owner.Client.PatchJsonAsync(path, """{"milestoneId": null}""")).DataAsync();
        Assert.Equal(JsonValueKind.Null, unlinked.GetProperty("milestoneId").ValueKind);
    }

    [Fact]
    public async Task List_IsNewestDateFirst_PagedWithBeforeAndHasMore()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var path = $"/api/v1/goals/{goalId}/posts";
        foreach (var day in new[] { 3, 1, 5, 2, 4 })
        {
            await owner.Client.PostJsonAsync(path, $$"""{"description": "Day {{day}}", "date": "2026-01-0{{day}}T08:00:00Z"}""");
        }

        var first = await (await owner.Client.GetAsync($"{path}?limit=2")).JsonAsync();
        var last = first.GetProperty("data")[1].GetProperty("id").GetString();
        var second = await (await owner.Client.GetAsync($"{path}?limit=2&before={last}")).JsonAsync();
        var third = await (await owner.Client.GetAsync(
            $"{path}?limit=2&before={second.GetProperty("data")[1].GetProperty("id").GetString()}")).JsonAsync();

        Assert.Equal(["Day 5", "Day 4"], Descriptions(first));
        Assert.True(first.GetProperty("hasMore").GetBoolean());
        Assert.Equal(["Day 3", "Day 2"], Descriptions(second));
        Assert.Equal(["Day 1"], Descriptions(third));
        Assert.False(third.GetProperty("hasMore").GetBoolean());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("")]
    public async Task List_WithBadLimit_Returns400(string limit)
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();

        await (await owner.Client.GetAsync($"/api/v1/goals/{goalId}/posts?limit={limit}"))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "limit must be an integer between 1 and 100");
    }

    [Fact]
    public async Task PrivateGoal_IsForbiddenToOutsiders_PublicGoalReadableButNotWritable()
    {
        var owner = await app.CreateCallerAsync();
        var privateGoal = await owner.CreateGoalAsync();
        var publicGoal = (await (await owner.Client.PostJsonAsync("/api/v1/goals",
            """{"title": "Open", "publicity": "public"}""")).DataAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var post = await CreatePostAsync(owner, publicGoal, "Hello world");
        var outsider = await app.CreateCallerAsync();

        await (await outsider.Client.GetAsync($"/api/v1/goals/{privateGoal}/posts"))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "You are not a stakeholder of this goal");
        var list = await (await outsider.Client.GetAsync($"/api/v1/goals/{publicGoal}/posts")).JsonAsync();
        Assert.Equal(["Hello world"], Descriptions(list));
        await (await outsider.Client.PostJsonAsync($"/api/v1/goals/{publicGoal}/posts", """{"description": "x"}"""))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "Only admins and achievers can create posts");
        await (await outsider.Client.PatchJsonAsync($"/api/v1/goals/{publicGoal}/posts/{post}", """{"description": "x"}"""))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "Only post owner or goal admin can update posts");
    }

    [Fact]
    public async Task Scopes_ReadNeedsPostsRead_WriteNeedsPostsWrite()
    {
        var writer = await app.CreateCallerAsync([ApiKeyScopes.PostsWrite]);
        var goalId = await app.CreateGoalDirectlyAsync(writer.UserId);

        var created = await writer.Client.PostJsonAsync($"/api/v1/goals/{goalId}/posts", """{"description": "x"}""");
        var listed = await writer.Client.GetAsync($"/api/v1/goals/{goalId}/posts");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await listed.AssertErrorAsync(HttpStatusCode.Forbidden, "Forbidden");
        Assert.Equal(["posts:read"], body.GetProperty("requiredScopes").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task ETag_IfNoneMatch304_StaleIfMatch412_AndIdempotencyKeyReplays()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var path = $"/api/v1/goals/{goalId}/posts/{await CreatePostAsync(owner, goalId, "v1")}";
        var read = await owner.Client.GetAsync(path);
        var etag = read.Headers.ETag!;

        using var conditional = new HttpRequestMessage(HttpMethod.Get, path);
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await owner.Client.SendAsync(conditional)).StatusCode);
        await owner.Client.PatchJsonAsync(path, """{"description": "v2"}""");
        using var stale = new HttpRequestMessage(HttpMethod.Delete, path);
        stale.Headers.IfMatch.Add(etag);
        var refused = await (await owner.Client.SendAsync(stale))
            .AssertErrorAsync(HttpStatusCode.PreconditionFailed, "The resource has changed since you read it");
        Assert.NotEqual(etag.Tag, refused.GetProperty("etag").GetString());

        var create = () => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/goals/{goalId}/posts")
        {
            Content = new StringContent("""{"description": "once"}""", System.Text.Encoding.UTF8, "application/json"),
            Headers = { { "Idempotency-Key", "post-once" } },
        };
        var firstTry = await owner.Client.SendAsync(create());
        var retry = await owner.Client.SendAsync(create());
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((await firstTry.DataAsync(HttpStatusCode.Created)).GetProperty("id").GetString(),
            (await retry.DataAsync(HttpStatusCode.Created)).GetProperty("id").GetString());
    }

    private static async Task<string> CreatePostAsync(ApiCaller caller, string goalId, string description) =>
        (await (await caller.Client.PostJsonAsync($"/api/v1/goals/{goalId}/posts", $$"""{"description": "{{description}}"}"""))
            .DataAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

    private static IEnumerable<string?> Descriptions(JsonElement page) =>
        page.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("description").GetString());
}
