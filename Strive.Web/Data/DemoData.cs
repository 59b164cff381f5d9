using Microsoft.AspNetCore.Identity;
using Strive.Domain.Common;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Users;

namespace Strive.Web.Data;

/// <summary>
/// In Development, an empty database gets a demo account with a real board (README.md "Run it"), so a
/// newcomer sees milestones in every state at once. Everything goes through the domain services.
/// </summary>
public static class DemoData
{
    public const string Email = "demo@strive.local";
    public const string Password = "Demo!12345";
    public const string GoalTitle = "Run a half marathon";

    public static async Task SeedDemoDataAsync(this IServiceProvider services, IHostEnvironment environment,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(environment);
        if (!environment.IsDevelopment())
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var users = provider.GetRequiredService<UserManager<StriveUser>>();
        if (users.Users.Any())
        {
            return;
        }

        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
        var demo = new StriveUser
        {
            UserName = Email,
            Email = Email,
            EmailConfirmed = true,
            DisplayName = "Demo Runner",
            CreatedAt = now,
        };
        var created = await users.CreateAsync(demo, Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Could not create the demo account: "
                + string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var goal = await provider.GetRequiredService<IGoalService>().CreateAsync(demo.Id,
            new NewGoal(GoalTitle, "From the couch to 21.1 km by spring, one step at a time.", now.AddDays(120)),
            cancellationToken);
        Require(goal);
        await AddMilestonesAsync(provider.GetRequiredService<IMilestoneService>(), demo.Id, goal.Value!.Id, now,
            cancellationToken);

        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoData));
        logger.LogInformation("Demo data created");
        Console.WriteLine($"Demo account created: sign in as {Email} with password {Password}");
    }

    private static async Task AddMilestonesAsync(IMilestoneService milestones, string userId, string goalId,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var plan = new (string Content, string Description, int? DaysFromNow, MilestoneStatus Status, Subtask[] Subtasks)[]
        {
            ("Buy proper running shoes", "Get a gait analysis at the running shop.", -40, MilestoneStatus.Succeeded,
                [new("Gait analysis", true), new("Two pairs to rotate", true)]),
            ("Run 5 km without stopping", "", -20, MilestoneStatus.Succeeded, []),
            ("Join the Sunday running club", "Tried it, the schedule never worked.", -10, MilestoneStatus.Failed, []),
            ("Run 10 km under an hour", "Tempo runs on Tuesdays.", -2, MilestoneStatus.Pending,
                [new("Interval sessions", true), new("Long run of 12 km", false)]),
            ("Run 15 km long run", "", 30, MilestoneStatus.Pending,
                [new("Buy energy gels", false), new("Plan a route", false)]),
            ("Finish the half marathon", "Race day: start slow, finish strong.", 110, MilestoneStatus.Pending, []),
        };

        foreach (var step in plan)
        {
            var deadline = step.DaysFromNow is { } days ? now.AddDays(days) : (DateTimeOffset?)null;
            var milestone = await milestones.CreateAsync(userId, goalId,
                new NewMilestone(step.Content, step.Description, deadline, null, step.Subtasks),
                cancellationToken: cancellationToken);
            Require(milestone);
            if (step.Status != MilestoneStatus.Pending)
            {
                Require(await milestones.UpdateAsync(userId, goalId, milestone.Value!.Id,
                    new MilestoneChanges { Status = step.Status }, cancellationToken: cancellationToken));
            }
        }
    }

    private static void Require<T>(Result<T> result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException("Could not create the demo data: " + result.Error.Message);
        }
    }
}
