using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Web.Client.Components.Goals;
using Strive.Web.Client.Components.Time;
using Strive.Web.Client.Tests.ApiKeys;

namespace Strive.Web.Client.Tests.Time;

public sealed class ReaderTimeZoneTests : BunitContext, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 31, 20, 0, 0, TimeSpan.Zero);

    public ReaderTimeZoneTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(new FixedTimeProvider(Now));
        Services.AddReaderTimeZone();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services only dispose asynchronously.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private ReaderTimeZone Zone => Services.GetRequiredService<ReaderTimeZone>();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/localtime")]
    [InlineData("Europe/Berlin; drop")]
    public void Find_MissingOrUnknownOrMalformedId_IsUtc(string? id) =>
        Assert.Equal(TimeZoneInfo.Utc, ReaderTimeZone.Find(id));

    [Fact]
    public void Find_IanaId_IsThatZone() =>
        Assert.Equal(TimeSpan.FromHours(14), ReaderTimeZone.Find("Pacific/Kiritimati").GetUtcOffset(Now));

    [Fact]
    public async Task UseAsync_UnknownZone_KeepsUtcAndNeverThrows()
    {
        await Zone.UseAsync("Nowhere/Special");

        Assert.Equal(TimeZoneInfo.Utc, Zone.Clock.Zone);
    }

    [Fact]
    public async Task ActivityTimeline_WhenTheZoneBecomesKnown_ShowsEventTimesOnTheReadersClock()
    {
        var created = new GoalEventView("e1", GoalEventType.GoalCreated, "alice", "Alice", null, "Run", Now.AddMinutes(-30));
        var timeline = Render<ActivityTimeline>(p => p.Add(c => c.Items, [created]));
        var time = () => timeline.Find("[data-testid=activity-list] time");
        Assert.Equal("31 Mar 2026, 19:30 (UTC)", time().GetAttribute("title"));
        Assert.Equal("30 minutes ago", time().TextContent.Trim());

        await Zone.UseAsync("Pacific/Auckland");

        timeline.WaitForAssertion(() => Assert.Equal("1 Apr 2026, 08:30 (UTC+13)", time().GetAttribute("title")));
    }

    [Fact]
    public async Task GoalHeader_DueOnTheReadersDate_SaysOverdueOnlyWhereThatDateIsOver()
    {
        var dueMarch31 = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(-1);
        var goal = new GoalView("g1", "Run", "", false, GoalStatus.Pending, dueMarch31, 1, 0, 0, 0, null, Now, Now,
            StakeholderRoles.None);
        await Zone.UseAsync("America/Los_Angeles");
        var header = Render<GoalHeader>(p => p.Add(c => c.Goal, goal));
        var deadline = () => header.Find("[data-testid=goal-deadline]").TextContent;
        Assert.Equal("Due 31 Mar 2026 · due today", deadline());

        await Zone.UseAsync("Pacific/Auckland");

        header.WaitForAssertion(() => Assert.Equal("Due 31 Mar 2026 · overdue", deadline()));
    }
}
