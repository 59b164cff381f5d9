using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Strive.Domain.Events;
using Strive.Domain.Notifications;
using Strive.Web.Client.Components.Notifications;

namespace Strive.Web.Client.Tests.Notifications;

public sealed class NotificationBellTests : BunitContext
{
    private readonly FakeNotifications _notifications = new();

    public NotificationBellTests()
    {
        Services.AddSingleton<INotificationService>(_notifications);
        Services.AddSingleton<IGoalChangeNotifier>(_notifications);
        var auth = AddAuthorization();
        auth.SetAuthorized("ann");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "ann"));
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void TheCount_RisesWhenAGoalOneIsOnChanges_WithoutAReload()
    {
        _notifications.WatchedGoals.Add("g1");
        var bell = Render<NotificationBell>();
        Assert.Empty(bell.FindAll("[data-testid=notification-count]"));
        Assert.Equal("Notifications", bell.Find("a").GetAttribute("aria-label"));

        _notifications.Add("ann", "g1", "Decide on your pledge");
        _notifications.Publish(new GoalChange("g1", "bob", null));

        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find("[data-testid=notification-count]").TextContent));
        Assert.Equal("Notifications, 1 unread", bell.Find("a").GetAttribute("aria-label"));
    }

    [Fact]
    public void MarkingReadElsewhere_LowersTheCount_ThroughThePersonsOwnKey()
    {
        _notifications.Add("ann", "g1", "Reminder");
        var bell = Render<NotificationBell>();
        Assert.Equal("1", bell.Find("[data-testid=notification-count]").TextContent);

        _notifications.MarkAllReadAsync("ann");
        _notifications.Publish(new GoalChange(NotificationChannels.ForUser("ann"), "ann", null));

        bell.WaitForAssertion(() => Assert.Empty(bell.FindAll("[data-testid=notification-count]")));
    }
}
