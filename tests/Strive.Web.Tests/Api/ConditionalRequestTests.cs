using System.Net;
using System.Text;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.Api;

/// <summary>docs/api/API.md "Versions and conditional requests": ETag, If-None-Match and If-Match, over HTTP.</summary>
public sealed class ConditionalRequestTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    private const string Stale = "The resource has changed since you read it";

    private static string Milestones(string goalId) => $"/api/v1/goals/{goalId}/milestones";

    private static async Task<HttpResponseMessage> SendAsync(ApiCaller caller, HttpMethod method, string path,
        string? json = null, string? ifMatch = null, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return await caller.Client.SendAsync(request);
    }

    private static string ETagOf(HttpResponseMessage response)
    {
        var tag = response.Headers.ETag;
        Assert.NotNull(tag);
        Assert.False(tag.IsWeak);
        return tag.Tag;
    }

    [Fact]
    public async Task Reads_AnswerAStrongETag_AndA304WithoutBodyWhenItMatches()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var milestoneId = await owner.CreateMilestoneIdAsync(goalId, "First");

        foreach (var path in new[] { $"/api/v1/goals/{goalId}", Milestones(goalId), $"{Milestones(goalId)}/{milestoneId}" })
        {
            var first = await SendAsync(owner, HttpMethod.Get, path);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var etag = ETagOf(first);

            var again = await SendAsync(owner, HttpMethod.Get, path, ifNoneMatch: etag);
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
            Assert.Empty(await again.Content.ReadAsByteArrayAsync());
            Assert.Equal(etag, ETagOf(again));

            var weak = await SendAsync(owner, HttpMethod.Get, path, ifNoneMatch: $"W/{etag}");
            Assert.Equal(HttpStatusCode.NotModified, weak.StatusCode);
            var other = await SendAsync(owner, HttpMethod.Get, path, ifNoneMatch: "\"something-else\"");
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }
    }

    [Fact]
    public async Task ListETag_ChangesWhenTheOrderChanges()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var a = await owner.CreateMilestoneIdAsync(goalId, "A");
        var b = await owner.CreateMilestoneIdAsync(goalId, "B");
        var before = ETagOf(await SendAsync(owner, HttpMethod.Get, Milestones(goalId)));

        var reordered = await SendAsync(owner, HttpMethod.Put, $"{Milestones(goalId)}/order",
            $$"""{"ids": ["{{b}}", "{{a}}"]}""", ifMatch: before);

        Assert.Equal(HttpStatusCode.OK, reordered.StatusCode);
        var after = ETagOf(reordered);
        Assert.NotEqual(before, after);
        Assert.Equal(after, ETagOf(await SendAsync(owner, HttpMethod.Get, Milestones(goalId))));
    }

    [Fact]
    public async Task PatchMilestone_WithStaleIfMatch_Returns412WithCurrentETag_AndChangesNothing()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var milestoneId = await owner.CreateMilestoneIdAsync(goalId, "Original");
        var path = $"{Milestones(goalId)}/{milestoneId}";
        var stale = ETagOf(await SendAsync(owner, HttpMethod.Get, path));
        var changed = await SendAsync(owner, HttpMethod.Patch, path, """{"content": "Someone else's"}""");
        var current = ETagOf(changed);

        var refused = await SendAsync(owner, HttpMethod.Patch, path, """{"content": "Mine"}""", ifMatch: stale);

        var body = await refused.AssertErrorAsync(HttpStatusCode.PreconditionFailed, Stale);
        Assert.Equal(current, body.GetProperty("etag").GetString());
        Assert.Equal(current, ETagOf(refused));
        var readBack = await SendAsync(owner, HttpMethod.Get, path);
        Assert.Equal("Someone else's", (await readBack.DataAsync()).GetProperty("content").GetString());
        Assert.Equal(current, ETagOf(readBack));
    }

    [Fact]
    public async Task Writes_WithMatchingIfMatch_ProceedAndAnswerTheNewETag()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var goalTag = ETagOf(await SendAsync(owner, HttpMethod.Get, $"/api/v1/goals/{goalId}"));

        var patched = await SendAsync(owner, HttpMethod.Patch, $"/api/v1/goals/{goalId}", """{"title": "Renamed"}""",
            ifMatch: goalTag);
        Assert.Equal("Renamed", (await patched.DataAsync()).GetProperty("title").GetString());
        var afterPatch = ETagOf(patched);
        Assert.NotEqual(goalTag, afterPatch);

        var created = await SendAsync(owner, HttpMethod.Post, Milestones(goalId), """{"content": "One"}""",
            ifMatch: afterPatch);
        var milestoneId = (await created.DataAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var afterCreate = ETagOf(created);

        var deleted = await SendAsync(owner, HttpMethod.Delete, $"{Milestones(goalId)}/{milestoneId}",
            ifMatch: afterCreate);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(ETagOf(deleted), ETagOf(await SendAsync(owner, HttpMethod.Get, Milestones(goalId))));
    }

    [Fact]
    public async Task StaleIfMatch_OnGoalDeleteAndReorder_Returns412_AndNothingChanges()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var a = await owner.CreateMilestoneIdAsync(goalId, "A");
        var stale = ETagOf(await SendAsync(owner, HttpMethod.Get, Milestones(goalId)));
        var b = await owner.CreateMilestoneIdAsync(goalId, "B");

        await (await SendAsync(owner, HttpMethod.Patch, $"/api/v1/goals/{goalId}", """{"title": "No"}""",
            ifMatch: stale)).AssertErrorAsync(HttpStatusCode.PreconditionFailed, Stale);
        await (await SendAsync(owner, HttpMethod.Put, $"{Milestones(goalId)}/order",
            $$"""{"ids": ["{{b}}", "{{a}}"]}""", ifMatch: stale)).AssertErrorAsync(HttpStatusCode.PreconditionFailed, Stale);
        await (await SendAsync(owner, HttpMethod.Delete, $"{Milestones(goalId)}/{a}", ifMatch: stale))
            .AssertErrorAsync(HttpStatusCode.PreconditionFailed, Stale);
        await (await SendAsync(owner, HttpMethod.Post, Milestones(goalId), """{"content": "C"}""", ifMatch: stale))
            .AssertErrorAsync(HttpStatusCode.PreconditionFailed, Stale);

        var list = await (await SendAsync(owner, HttpMethod.Get, Milestones(goalId))).DataAsync();
        Assert.Equal([a, b], list.EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        var goal = await (await SendAsync(owner, HttpMethod.Get, $"/api/v1/goals/{goalId}")).DataAsync();
        Assert.Equal("A goal", goal.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Restore_WithStaleIfMatch_Returns412_AndLeavesItDeleted_WithMatchingIfMatch_RestoresIt()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var a = await owner.CreateMilestoneIdAsync(goalId, "A");
        var b = await owner.CreateMilestoneIdAsync(goalId, "B");
        var stale = ETagOf(await SendAsync(owner, HttpMethod.Get, Milestones(goalId)));
        var deleted = await SendAsync(owner, HttpMethod.Delete, $"{Milestones(goalId)}/{a}");
        var current = ETagOf(deleted);
        var restore = $"{Milestones(goalId)}/{a}/restore";

        var refused = await SendAsync(owner, HttpMethod.Post, restore, ifMatch: stale);

        await refused.AssertErrorAsync(HttpStatusCode.PreconditionFailed, Stale);
        Assert.Equal(current, ETagOf(refused));
        var list = await (await SendAsync(owner, HttpMethod.Get, Milestones(goalId))).DataAsync();
        Assert.Equal([b], list.EnumerateArray().Select(m => m.GetProperty("id").GetString()));

        var restored = await SendAsync(owner, HttpMethod.Post, restore, ifMatch: current);
        Assert.Equal(0, (await restored.DataAsync()).GetProperty("order").GetInt32());
        var afterRestore = ETagOf(restored);
        Assert.NotEqual(current, afterRestore);
        Assert.Equal(afterRestore, ETagOf(await SendAsync(owner, HttpMethod.Get, Milestones(goalId))));
    }

    [Theory]
    [InlineData("*", HttpStatusCode.OK)]
    [InlineData("\"unknown\"", HttpStatusCode.PreconditionFailed)]
    [InlineData("not a tag", HttpStatusCode.BadRequest)]
    public async Task IfMatch_StarMatchesAnyVersion_ForeignTagsNone_MalformedIs400(string ifMatch,
        HttpStatusCode expected)
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();

        var response = await SendAsync(owner, HttpMethod.Patch, $"/api/v1/goals/{goalId}", """{"title": "T"}""",
            ifMatch: ifMatch);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task IfMatch_WithAWeakTag_NeverMatches()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var tag = ETagOf(await SendAsync(owner, HttpMethod.Get, $"/api/v1/goals/{goalId}"));

        var response = await SendAsync(owner, HttpMethod.Patch, $"/api/v1/goals/{goalId}", """{"title": "T"}""",
            ifMatch: $"W/{tag}");

        await response.AssertErrorAsync(HttpStatusCode.PreconditionFailed, Stale);
    }

    [Fact]
    public async Task OpenApi_DescribesTheVersionAndIdempotencyHeaders()
    {
        using var client = app.CreateClient();
        var document = await (await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).JsonAsync();
        var paths = document.GetProperty("paths");

        static IEnumerable<string> Parameters(System.Text.Json.JsonElement operation) =>
            operation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()!);

        var update = paths.GetProperty("/api/v1/goals/{goalId}/milestones/{milestoneId}").GetProperty("patch");
        Assert.Contains("If-Match", Parameters(update));
        Assert.Contains("Idempotency-Key", Parameters(update));
        Assert.True(update.GetProperty("responses").TryGetProperty("412", out _));
        var ok = update.GetProperty("responses").GetProperty("200").GetProperty("headers");
        Assert.True(ok.TryGetProperty("ETag", out _));
        Assert.True(ok.TryGetProperty("Idempotent-Replayed", out _));

        var get = paths.GetProperty("/api/v1/goals/{goalId}").GetProperty("get");
        Assert.Contains("If-None-Match", Parameters(get));
        Assert.True(get.GetProperty("responses").TryGetProperty("304", out _));
    }
}
