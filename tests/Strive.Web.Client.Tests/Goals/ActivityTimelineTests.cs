using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Strive.Domain.Events;
using Strive.Web.Client.Components.Goals;

namespace Strive.Web.Client.Tests.Goals;

public sealed class ActivityTimelineTests : BunitContext
{
    public ActivityTimelineTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(TimeProvider.System);
        Services.AddReaderTimeZone();
    }

    [Fact]
    public void MovedEvent_ReadsMovedContentToOneBasedPosition()
    {
        var moved = new GoalEventView("e1", GoalEventType.MilestoneMoved, "alice", "Alice", "m1",
            MilestoneMovedDetail.Format("Run 5K", order: 2), DateTimeOffset.UtcNow);

        var timeline = Render<ActivityTimeline>(p => p.Add(c => c.Items, [moved]));

        Assert.Contains("Alice moved “Run 5K” to position 3",
            timeline.Find("[data-testid=activity-list] li").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void RestoredEvent_ReadsRestoredContent()
    {
        var restored = new GoalEventView("e1", GoalEventType.MilestoneRestored, "alice", "Alice", "m1", "Run 5K",
            DateTimeOffset.UtcNow);

        var timeline = Render<ActivityTimeline>(p => p.Add(c => c.Items, [restored]));

        Assert.Contains("Alice restored “Run 5K”",
            timeline.Find("[data-testid=activity-list] li").TextContent, StringComparison.Ordinal);
    }
}
