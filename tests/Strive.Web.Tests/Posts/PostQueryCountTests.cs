using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Strive.Domain.Posts;
using Strive.Web.Tests.Api;

namespace Strive.Web.Tests.Posts;

/// <summary>A page of the story reads in a fixed number of SQL commands: as many for 10 posts as for 10,000.</summary>
public sealed class PostQueryCountTests(CommandCountingAppFactory app) : IClassFixture<CommandCountingAppFactory>
{
    [Fact]
    public async Task List_TakesTheSameCommands_For10And10000Posts_FirstPageAndOlderPage()
    {
        var caller = await app.CreateCallerAsync();
        var small = await caller.CreateGoalAsync("Small");
        var large = await caller.CreateGoalAsync("Large");
        await AddPostsAsync(caller.UserId, small, 10);
        await AddPostsAsync(caller.UserId, large, 10_000);

        var (smallFirst, smallCursor) = await CountAsync(caller, small, null);
        var (largeFirst, largeCursor) = await CountAsync(caller, large, null);
        var (smallOlder, _) = await CountAsync(caller, small, smallCursor);
        var (largeOlder, _) = await CountAsync(caller, large, largeCursor);

        Assert.Equal(smallFirst, largeFirst);
        Assert.Equal(smallOlder, largeOlder);
        Assert.InRange(largeFirst, 1, 4);
        Assert.InRange(largeOlder, 1, 5);
    }

    private async Task<(int Commands, string LastId)> CountAsync(ApiCaller caller, string goalId, string? before)
    {
        await app.SettleAsync();
        app.Counter.Reset();
        var response = await caller.Client.GetAsync(
            $"/api/v1/goals/{goalId}/posts?limit=5{(before is null ? "" : "&before=" + before)}");
        var commands = app.Counter.Count;
        var page = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, page.GetProperty("data").GetArrayLength());
        return (commands, page.GetProperty("data")[4].GetProperty("id").GetString()!);
    }

    /// <summary>Straight into the table: ten thousand creates through the service would only be slower.</summary>
    private async Task AddPostsAsync(string userId, string goalId, int count)
    {
        using var scope = app.Services.CreateScope();
        var contexts = scope.ServiceProvider
            .GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Strive.Domain.Persistence.StriveDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var post = Post.Create(goalId, userId, new NewPost($"Post {i}", start.AddMinutes(i)), start.AddMinutes(i));
            db.Posts.Add(post.Value!);
        }

        await db.SaveChangesAsync();
    }
}
