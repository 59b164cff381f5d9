using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Users;

namespace Strive.E2E.Infrastructure;

/// <summary>
/// Plans goals through the domain services, for tests about what a person does with a board rather
/// than how it was filled (sixty rows typed one by one would test typing).
/// </summary>
public static class Seed
{
    public static async Task<string> UserIdAsync(this StriveServerFixture server, string email)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StriveUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}");
        return user.Id;
    }

    /// <summary>A goal owned by <paramref name="email"/> with the milestones in this order; its board's path.</summary>
    public static async Task<string> GoalAsync(this StriveServerFixture server, string email, string title,
        IEnumerable<string> milestones) =>
        await GoalAsync(server.Services, await server.UserIdAsync(email), title, milestones);

    /// <summary>A goal owned by <paramref name="userId"/>, planned through the app's <paramref name="services"/>; its board's path.</summary>
    public static async Task<string> GoalAsync(IServiceProvider services, string userId, string title,
        IEnumerable<string> milestones)
    {
        await using var scope = services.CreateAsyncScope();
        var goal = await scope.ServiceProvider.GetRequiredService<IGoalService>().CreateAsync(userId, new NewGoal(title));
        var service = scope.ServiceProvider.GetRequiredService<IMilestoneService>();
        foreach (var content in milestones)
        {
            var created = await service.CreateAsync(userId, goal.Value!.Id, new NewMilestone(content));
            Assert.True(created.IsSuccess, created.IsSuccess ? "" : created.Error.Message);
        }

        return $"goals/{goal.Value!.Id}";
    }

    /// <summary>The order the server holds, as the API lists it.</summary>
    public static async Task<IReadOnlyList<string>> SavedOrderAsync(this StriveServerFixture server, string email,
        string boardPath)
    {
        var userId = await server.UserIdAsync(email);
        await using var scope = server.Services.CreateAsyncScope();
        var listed = await scope.ServiceProvider.GetRequiredService<IMilestoneService>()
            .ListAsync(userId, boardPath["goals/".Length..]);
        return [.. listed.Value!.Select(m => m.Content)];
    }
}
