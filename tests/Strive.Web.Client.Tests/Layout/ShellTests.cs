using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Strive.Web.Client.Layout;
using Strive.Web.Client.Pages;

namespace Strive.Web.Client.Tests.Layout;

/// <summary>The app shell: landing page and layout, for visitors and signed-in users.</summary>
public sealed class ShellTests : BunitContext, IAsyncLifetime
{
    private readonly BunitAuthorizationContext _auth;

    public ShellTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(TimeProvider.System);
        Services.AddReaderTimeZone();
        Services.AddSingleton<AntiforgeryStateProvider>(new FixedAntiforgery());
        var notifications = new Notifications.FakeNotifications();
        Services.AddSingleton<Strive.Domain.Notifications.INotificationService>(notifications);
        Services.AddSingleton<Strive.Domain.Events.IGoalChangeNotifier>(notifications);
        _auth = AddAuthorization();
    }

    /// <summary>The token the server's antiforgery would hand the page.</summary>
    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken GetAntiforgeryToken() => new("token-value", "__RequestVerificationToken");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services only dispose asynchronously.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    [Fact]
    public void Home_ForAVisitor_OffersRegisterAndSignIn()
    {
        _auth.SetNotAuthorized();

        var home = Render<Home>();

        Assert.Equal("Account/Register", home.Find("[data-testid=landing-register]").GetAttribute("href"));
        Assert.Equal("Account/Login", home.Find("[data-testid=landing-sign-in]").GetAttribute("href"));
    }

    [Fact]
    public void Home_ForASignedInUser_GoesToGoals()
    {
        _auth.SetAuthorized("ada@example.com");

        Render<Home>();

        Assert.EndsWith("/goals", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Layout_ForASignedInUser_ShowsTheAccountMenuAndNavigation()
    {
        _auth.SetAuthorized("ada@example.com");

        var layout = Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page body"))));

        Assert.Contains("ada@example.com", layout.Find("[data-testid=account-menu]").TextContent, StringComparison.Ordinal);
        // Signing out is a plain form post that carries the antiforgery token, from the menu as from a static page.
        var signOut = layout.Find("[data-testid=account-menu] form");
        Assert.Equal("Account/Logout", signOut.GetAttribute("action"));
        Assert.Equal("token-value", signOut.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value"));
        Assert.NotNull(signOut.QuerySelector("button[type=submit][data-testid=sign-out]"));
        Assert.Equal("goals", layout.Find("[data-testid=nav-goals]").GetAttribute("href"));
        Assert.Equal("settings/api-keys", layout.Find("[data-testid=nav-api-keys]").GetAttribute("href"));
        Assert.Contains("page body", layout.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Layout_ForAVisitor_OffersSignInAndNoAccountMenu()
    {
        _auth.SetNotAuthorized();

        var layout = Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page body"))));

        Assert.Empty(layout.FindAll("[data-testid=account-menu]"));
        Assert.Contains(layout.FindAll("a"), a => a.GetAttribute("href") == "Account/Login");
    }

    [Fact]
    public void Layout_DrawerToggle_FlipsTheDrawer_AndALinkChosenInItPutsItBack()
    {
        _auth.SetAuthorized("ada@example.com");
        Services.GetRequiredService<NavigationManager>().NavigateTo("goals");

        var layout = Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page body"))));
        var shell = () => layout.Find(".strive-shell");
        Assert.DoesNotContain("strive-drawer-flipped", shell().ClassList);
        Assert.Equal("page", layout.Find("[data-testid=nav-goals]").GetAttribute("aria-current"));
        Assert.Null(layout.Find("[data-testid=nav-api-keys]").GetAttribute("aria-current"));

        layout.Find("[data-testid=drawer-toggle]").Click();
        Assert.Contains("strive-drawer-flipped", shell().ClassList);

        layout.Find("[data-testid=nav-api-keys]").Click();
        Assert.DoesNotContain("strive-drawer-flipped", shell().ClassList);
    }
}
