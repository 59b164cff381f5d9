using Bunit;
using Strive.Domain.Goals;
using Strive.Web.Client.Pages.Goals;
using Strive.Web.Client.Tests.Board;

namespace Strive.Web.Client.Tests.Posts;

/// <summary>The story on the goal page: the composer for planners, posts appearing live, edit and delete, read-only publicly.</summary>
public sealed class GoalStoryTests : GoalPageTestContext
{
    [Fact]
    public void EmptyStory_ShowsTheEmptyState_AndThePlannerTheComposer()
    {
        World.WithGoal().WithMember(Me, Planner);

        var page = RenderGoal();

        page.WaitForElement("[data-testid=story-empty]");
        Assert.Single(page.FindAll("[data-testid=story-composer]"));
    }

    [Fact]
    public void Spectator_ReadsTheStory_WithoutComposerOrActions()
    {
        World.WithGoal().WithMember("bob", Planner).WithMember(Me, StakeholderRoles.Spectator);
        Story.Add(FakeGoalWorld.GoalId, "bob", "Ran 12 km");

        var page = RenderGoal();

        page.WaitForAssertion(() => Assert.Equal("Ran 12 km", page.Find("[data-testid=story-post-text]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=story-composer]"));
        Assert.Empty(page.FindAll("[data-testid=story-edit]"));
        Assert.Empty(page.FindAll("[data-testid=story-delete]"));
    }

    [Fact]
    public void Posting_WithCtrlEnter_PutsThePostAtTheTopOfTheStory()
    {
        World.WithGoal().WithMember(Me, Planner);
        Story.Add(FakeGoalWorld.GoalId, Me, "Older");
        var page = RenderGoal();
        page.WaitForElement("[data-testid=story-post]");

        page.Find("[data-testid=story-description]").Input("Ran 12 km today");
        page.Find("[data-testid=story-composer]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs
        {
            Key = "Enter",
            CtrlKey = true,
        });

        page.WaitForAssertion(() => Assert.Equal(["Ran 12 km today", "Older"],
            page.FindAll("[data-testid=story-post-text]").Select(e => e.TextContent.Trim())));
    }

    [Fact]
    public void PostWrittenElsewhere_AppearsWithoutReload_WithItsThumbnailOpeningLarge()
    {
        World.WithGoal().WithMember("bob", Planner).WithMember(Me, StakeholderRoles.Spectator);
        var page = RenderGoal();
        page.WaitForElement("[data-testid=story-empty]");

        Story.Add(FakeGoalWorld.GoalId, "bob", "Finish line!", null, "m1");

        page.WaitForAssertion(() => Assert.Equal("Finish line!", page.Find("[data-testid=story-post-text]").TextContent.Trim()));
        var thumb = page.Find("[data-testid=story-thumb]");
        Assert.Equal("/media/m1?size=thumb", thumb.QuerySelector("img")!.GetAttribute("src"));
        Assert.Contains("Open photo 1 of 1", thumb.GetAttribute("aria-label"), StringComparison.Ordinal);
        thumb.Click();
        DialogLayer.WaitForAssertion(() =>
            Assert.Equal("/media/m1", DialogLayer.Find("[data-testid=photo-large]").GetAttribute("src")));
    }

    [Fact]
    public void Delete_AsksFirst_ThenRemovesThePost()
    {
        World.WithGoal().WithMember(Me, Planner);
        Story.Add(FakeGoalWorld.GoalId, Me, "Oops");
        var page = RenderGoal();

        page.WaitForElement("[data-testid=story-delete]").Click();
        Assert.Single(Story.Stored);
        DialogLayer.WaitForAssertion(() => Assert.Contains("cannot be undone", DialogLayer.Markup, StringComparison.Ordinal));
        DialogLayer.FindAll("button").First(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForElement("[data-testid=story-empty]");
        Assert.Empty(Story.Stored);
    }

    [Fact]
    public async Task PublicPage_ShowsTheStoryReadOnly()
    {
        World.WithGoal().WithMember("bob", Planner);
        Story.Add(FakeGoalWorld.GoalId, "bob", "Day one");
        await World.UpdateAsync("bob", FakeGoalWorld.GoalId, new GoalChanges { IsPublic = true });

        var page = Render<GoalLinkPage>(p => p.Add(c => c.GoalId, FakeGoalWorld.GoalId));

        page.WaitForAssertion(() => Assert.Equal("Day one", page.Find("[data-testid=story-post-text]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=story-composer]"));
        Assert.Empty(page.FindAll("[data-testid=story-edit]"));
        Assert.Empty(page.FindAll("[data-testid=story-load-older]"));
    }

    [Fact]
    public void MilestoneEditor_ListsThePostsLinkedToIt()
    {
        World.WithGoal().WithMember(Me, Planner);
        Story.Add(FakeGoalWorld.GoalId, Me, "Bought the shoes", "ms1");
        Story.Add(FakeGoalWorld.GoalId, Me, "Unrelated");

        var linked = Render<Strive.Web.Client.Components.Posts.MilestonePosts>(p => p
            .Add(c => c.GoalId, FakeGoalWorld.GoalId).Add(c => c.MilestoneId, "ms1").Add(c => c.ActorId, Me));

        linked.WaitForAssertion(() => Assert.Equal(["Bought the shoes"],
            linked.FindAll("[data-testid=milestone-post] .story-text").Select(e => e.TextContent.Trim())));
    }
}
