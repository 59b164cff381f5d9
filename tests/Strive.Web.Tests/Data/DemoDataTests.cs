using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Users;
using Strive.Web.Data;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.Data;

public sealed class DevelopmentAppFactory : StriveAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
    }
}

/// <summary>In Development an empty database gets the demo account and a board with milestones in every state.</summary>
public sealed class DemoDataTests(DevelopmentAppFactory app) : IClassFixture<DevelopmentAppFactory>
{
    [Fact]
    public async Task FirstStart_CreatesTheDemoAccountWithARealBoard_Once()
    {
        using var client = app.CreateClient();
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<StriveUser>>();

        await app.Services.SeedDemoDataAsync(services.GetRequiredService<IHostEnvironment>());

        var demo = await users.FindByEmailAsync(DemoData.Email);
        Assert.NotNull(demo);
        Assert.True(await users.CheckPasswordAsync(demo, DemoData.Password));
        var goal = Assert.Single(await services.GetRequiredService<IGoalService>().ListAsync(demo.Id));
        Assert.Equal(DemoData.GoalTitle, goal.Title);
        var milestones = (await services.GetRequiredService<IMilestoneService>().ListAsync(demo.Id, goal.Id)).Value!;
        Assert.InRange(milestones.Count, 5, 8);
        Assert.Contains(milestones, m => m.Status == MilestoneStatus.Succeeded);
        Assert.Contains(milestones, m => m.Status == MilestoneStatus.Failed);
        Assert.Contains(milestones, m => m.Status == MilestoneStatus.Pending && m.Deadline < DateTimeOffset.UtcNow);
        Assert.Contains(milestones, m => m.Status == MilestoneStatus.Pending && m.Deadline > DateTimeOffset.UtcNow);
        Assert.Contains(milestones, m => m.Subtasks.Count > 0);
        Assert.Equal(milestones.Count, goal.TasksTotal);
    }

    [Fact]
    public async Task OutsideDevelopment_NothingIsSeeded()
    {
        using var testing = new StriveAppFactory();
        using var client = testing.CreateClient();
        using var scope = testing.Services.CreateScope();

        var demo = await scope.ServiceProvider.GetRequiredService<UserManager<StriveUser>>().FindByEmailAsync(DemoData.Email);

        Assert.Null(demo);
    }
}
