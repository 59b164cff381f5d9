using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Strive.Domain.Goals;
using static Strive.Web.Tests.Api.ApiTestHelpers;

namespace Strive.Web.Tests.Api;

/// <summary>docs/api/API.md "Deleting, restoring and exporting a goal": delete and restore over HTTP.</summary>
public sealed class GoalDeletionApiTests(RestoreClockAppFactory app) : IClassFixture<RestoreClockAppFactory>
{
    private sealed record Seeded(ApiCaller Owner, string GoalId, string MilestoneId, string SupportId,
        IReadOnlyList<ApiCaller> Others);

    private static Task<HttpResponseMessage> RestoreAsync(ApiCaller caller, string goalId, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/goals/{goalId}/restore", UriKind.Relative));
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return caller.Client.SendAsync(request);
    }

    /// <summary>A goal with a milestone, a pledge on it, and one stakeholder in each other role.</summary>
    private async Task<Seeded> SeedAsync()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync("Walk the Camino");
        var milestoneId = await owner.CreateMilestoneIdAsync(goalId, "Book the flight");
        var others = new List<ApiCaller>();
        foreach (var role in new[] { StakeholderRoles.Achiever, StakeholderRoles.Supporter, StakeholderRoles.Spectator })
        {
            var caller = await app.CreateCallerAsync();
            await app.JoinAsync(caller, goalId, role);
            others.Add(caller);
        }

        var pledge = await (await others[1].Client.PostJsonAsync($"/api/v1/goals/{goalId}/supports",
            $$"""{"milestoneId": "{{milestoneId}}", "description": "A bottle of wine"}""")).DataAsync(HttpStatusCode.Created);
        others.Add(await app.CreateCallerAsync());
        return new Seeded(owner, goalId, milestoneId, pledge.GetProperty("id").GetString()!, others);
    }

    [Fact]
    public async Task Delete_AsAdmin_AnswersIdAndDeleted()
    {
        var s = await SeedAsync();

        var response = await s.Owner.Client.DeleteAsync($"/api/v1/goals/{s.GoalId}");

        var data = await response.DataAsync();
        AssertProperties(data, "id", "deleted");
        Assert.Equal((s.GoalId, true), (data.GetProperty("id").GetString(), data.GetProperty("deleted").GetBoolean()));
        Assert.NotNull(response.Headers.ETag);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Delete_ByAStakeholderWhoIsNotAdmin_Returns403_AndChangesNothing(int other)
    {
        var s = await SeedAsync();

        var response = await s.Others[other].Client.DeleteAsync($"/api/v1/goals/{s.GoalId}");

        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "Only admins can delete goals");
        await (await s.Owner.Client.GetAsync($"/api/v1/goals/{s.GoalId}")).DataAsync();
    }

    /// <summary>
    /// Every route of the API that names a goal, read from the app's own route table (so an endpoint added later
    /// is covered without touching this test), for the admin, each other role and an outsider.
    /// </summary>
    [Fact]
    public async Task AfterDelete_EveryGoalEndpoint_Answers404GoalNotFound_ForEveryRole()
    {
        var s = await SeedAsync();
        await (await s.Owner.Client.DeleteAsync($"/api/v1/goals/{s.GoalId}")).DataAsync();
        var routes = GoalRoutes().Where(r => r.Path != "/api/v1/goals/{goalId}/restore").ToList();
        Assert.True(routes.Count >= 12, string.Join(", ", routes));

        foreach (var caller in s.Others.Prepend(s.Owner))
        {
            foreach (var (method, pattern) in routes)
            {
                var path = pattern.Replace("{goalId}", s.GoalId, StringComparison.Ordinal)
                    .Replace("{milestoneId}", s.MilestoneId, StringComparison.Ordinal)
                    .Replace("{supportId}", s.SupportId, StringComparison.Ordinal);
                var response = await caller.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method),
                    new Uri(path, UriKind.Relative))
                {
                    // Valid for every write, so no check of the body can answer before the goal's own.
                    Content = pattern.EndsWith("/media", StringComparison.Ordinal) ? PhotoUpload()
                        : new StringContent(pattern.Contains("{supportId}", StringComparison.Ordinal)
                        ? """{"status": "accepted"}"""
                        : $$"""{"title": "x", "content": "x", "description": "x", "ids": ["{{s.MilestoneId}}"], "milestoneId": "{{s.MilestoneId}}", "at": "2030-01-01T10:00:00Z"}""",
                        Encoding.UTF8, "application/json"),
                });
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.NotFound && body.Contains("\"Goal not found\"", StringComparison.Ordinal),
                    $"{method} {pattern}: {(int)response.StatusCode} {body}");
            }
        }
    }

    [Fact]
    public async Task AfterDelete_TheGoalLeavesEveryonesList()
    {
        var s = await SeedAsync();
        await s.Owner.Client.DeleteAsync($"/api/v1/goals/{s.GoalId}");

        foreach (var caller in s.Others.Prepend(s.Owner))
        {
            var list = await (await caller.Client.GetAsync("/api/v1/goals")).DataAsync();
            Assert.DoesNotContain(s.GoalId, list.EnumerateArray().Select(g => g.GetProperty("id").GetString()));
        }
    }

    [Fact]
    public async Task Restore_BringsBackTheGoalAsItWas_MilestonesSupportsPeopleAndCounters()
    {
        var s = await SeedAsync();
        var before = await (await s.Owner.Client.GetAsync($"/api/v1/goals/{s.GoalId}")).DataAsync();
        var milestonesBefore = (await (await s.Owner.Client.GetAsync($"/api/v1/goals/{s.GoalId}/milestones")).JsonAsync()).ToString();
        await s.Owner.Client.DeleteAsync($"/api/v1/goals/{s.GoalId}");

        var restored = await (await RestoreAsync(s.Owner, s.GoalId)).DataAsync();

        foreach (var field in new[] { "id", "title", "status", "numberOfAchievers", "numberOfSupporters", "tasksTotal", "tasksCompleted", "createdAt" })
        {
            Assert.Equal(before.GetProperty(field).ToString(), restored.GetProperty(field).ToString());
        }

        Assert.Equal(milestonesBefore,
            (await (await s.Others[2].Client.GetAsync($"/api/v1/goals/{s.GoalId}/milestones")).JsonAsync()).ToString());
        var supports = await (await s.Others[1].Client.GetAsync($"/api/v1/goals/{s.GoalId}/supports")).DataAsync();
        Assert.Equal([s.SupportId], supports.EnumerateArray().Select(x => x.GetProperty("id").GetString()!));
        Assert.Contains(s.GoalId, (await (await s.Others[0].Client.GetAsync("/api/v1/goals")).DataAsync())
            .EnumerateArray().Select(g => g.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Restore_HonoursIfMatch_412WithTheCurrentTag_ThenTheDeletesTagRestores()
    {
        var s = await SeedAsync();
        var read = await s.Owner.Client.GetAsync($"/api/v1/goals/{s.GoalId}");
        var oldTag = read.Headers.ETag!.Tag;
        var deleteTag = (await s.Owner.Client.DeleteAsync($"/api/v1/goals/{s.GoalId}")).Headers.ETag!.Tag;

        var stale = await (await RestoreAsync(s.Owner, s.GoalId, oldTag))
            .AssertErrorAsync(HttpStatusCode.PreconditionFailed, "The resource has changed since you read it");
        var malformed = await RestoreAsync(s.Owner, s.GoalId, "not a tag");
        var restored = await RestoreAsync(s.Owner, s.GoalId, deleteTag);

        Assert.Equal(deleteTag, stale.GetProperty("etag").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        await restored.DataAsync();
        Assert.NotEqual(deleteTag, restored.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Delete_WithAStaleIfMatch_Returns412_AndTheGoalStays()
    {
        var s = await SeedAsync();
        var tag = (await s.Owner.Client.GetAsync($"/api/v1/goals/{s.GoalId}")).Headers.ETag!.Tag;
        await s.Owner.Client.PatchJsonAsync($"/api/v1/goals/{s.GoalId}", """{"title": "Walk the whole Camino"}""");
        var request = new HttpRequestMessage(HttpMethod.Delete, new Uri($"/api/v1/goals/{s.GoalId}", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("If-Match", tag);

        await (await s.Owner.Client.SendAsync(request))
            .AssertErrorAsync(HttpStatusCode.PreconditionFailed, "The resource has changed since you read it");

        await (await s.Owner.Client.GetAsync($"/api/v1/goals/{s.GoalId}")).DataAsync();
    }

    [Fact]
    public async Task Restore_ByOthers_403ForStakeholders404ForOutsiders_AndOfALiveGoal404()
    {
        var s = await SeedAsync();
        await (await RestoreAsync(s.Owner, s.GoalId)).AssertErrorAsync(HttpStatusCode.NotFound, "Goal not found");
        await s.Owner.Client.DeleteAsync($"/api/v1/goals/{s.GoalId}");

        await (await RestoreAsync(s.Others[0], s.GoalId)).AssertErrorAsync(HttpStatusCode.Forbidden, "Only admins can restore goals");
        await (await RestoreAsync(s.Others[3], s.GoalId)).AssertErrorAsync(HttpStatusCode.NotFound, "Goal not found");
        await (await RestoreAsync(s.Owner, "no-such-goal")).AssertErrorAsync(HttpStatusCode.NotFound, "Goal not found");
    }

    [Fact]
    public async Task Restore_ThirtyDaysAndOneMillisecondAfterTheDelete_Returns404()
    {
        var s = await SeedAsync();
        await s.Owner.Client.DeleteAsync($"/api/v1/goals/{s.GoalId}");

        app.Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMilliseconds(1));

        await (await RestoreAsync(s.Owner, s.GoalId)).AssertErrorAsync(HttpStatusCode.NotFound, "Goal not found");
    }

    private List<(string Method, string Path)> GoalRoutes() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/v1/goals/{goalId}", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => (m, "/" + e.RoutePattern.RawText!.TrimStart('/'))))];

    /// <summary>A photo upload as the media endpoint takes it: one part named file, a real PNG.</summary>
    private static MultipartFormDataContent PhotoUpload()
    {
        using var bitmap = new SkiaSharp.SKBitmap(2, 2);
        bitmap.Erase(SkiaSharp.SKColors.Teal);
        using var png = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        var file = new ByteArrayContent(png.ToArray());
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { file, "file", "photo.png" } };
    }
}
