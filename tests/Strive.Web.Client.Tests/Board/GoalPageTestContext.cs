using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Supports;
using Strive.Web.Client.Pages.Goals;

namespace Strive.Web.Client.Tests.Board;

/// <summary>
/// A signed-in user in front of the goal pages: MudBlazor with its providers, the fake goal behind the
/// domain interfaces, loose JS interop (MudBlazor and the board call into the browser).
/// </summary>
public abstract class GoalPageTestContext : BunitContext, IAsyncLifetime
{
    protected GoalPageTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(TimeProvider.System);
        Services.AddReaderTimeZone();
        Services.AddSingleton(World);
        Services.AddSingleton<IGoalService>(World);
        Services.AddSingleton<IMilestoneService>(World);
        Services.AddSingleton<IStakeholderService>(World);
        Services.AddSingleton<ISupportService>(World);
        Services.AddSingleton<Strive.Domain.Invitations.IInvitationService>(World);
        Services.AddSingleton<IGoalChangeNotifier>(World);
        Services.AddSingleton<Strive.Domain.Reminders.IReminderService>(new Notifications.NoReminders());
        Story = new Posts.FakePostService(World, TimeProvider.System);
        Services.AddSingleton<Strive.Domain.Posts.IPostService>(Story);
        Services.AddScoped<ChangeOrigin>();
        var auth = AddAuthorization();
        auth.SetAuthorized(Me);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, Me));
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        Popovers = Render<MudPopoverProvider>();
        DialogLayer = Render<MudDialogProvider>();
        Snackbars = Render<MudSnackbarProvider>();
    }

    protected const string Me = "alice";

    protected FakeGoalWorld World { get; } = new();

    /// <summary>The goal's story (issue 25), in memory.</summary>
    protected Posts.FakePostService Story { get; }

    protected IRenderedComponent<MudPopoverProvider> Popovers { get; }

    protected IRenderedComponent<MudSnackbarProvider> Snackbars { get; }

    protected IRenderedComponent<MudDialogProvider> DialogLayer { get; }

    protected IRenderedComponent<GoalPage> RenderGoal(string goalId = FakeGoalWorld.GoalId) =>
        Render<GoalPage>(p => p.Add(c => c.GoalId, goalId));

    protected static IReadOnlyList<string> ShownContents(IRenderedComponent<GoalPage> page) =>
        [.. page.FindAll("[data-testid=milestone] [data-testid=milestone-content]").Select(e => e.TextContent.Trim())];

    protected static AngleSharp.Dom.IElement Row(IRenderedComponent<GoalPage> page, string content) =>
        page.FindAll("[data-testid=milestone]")
            .Single(r => r.QuerySelector("[data-testid=milestone-content]")!.TextContent.Trim() == content);

    /// <summary>Opens a row's "more" menu and clicks one of its items in the popover layer.</summary>
    protected void ChooseFromMenu(IRenderedComponent<GoalPage> page, string content, string itemTestId)
    {
        Row(page, content).QuerySelector("[data-testid=milestone-menu]")!.Click();
        Popovers.WaitForElement($"[data-testid={itemTestId}]").Click();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only IAsyncDisposable; xunit 2 would otherwise dispose the context synchronously.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    /// <summary>An admin opens the people panel's invite forms.</summary>
    protected static void OpenInviteForms(IRenderedComponent<GoalPage> page) =>
        page.WaitForElement("[data-testid=invite-open]").Click();

    protected static StakeholderRoles Planner => StakeholderRoles.Admin | StakeholderRoles.Achiever;
}
