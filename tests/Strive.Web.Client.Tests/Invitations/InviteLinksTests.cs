using Bunit;
using Strive.Domain.Goals;
using Strive.Web.Client.Tests.Board;

namespace Strive.Web.Client.Tests.Invitations;

/// <summary>Issue 12 "Invite links" in the people panel, and the email invite's stale error.</summary>
public sealed class InviteLinksTests : GoalPageTestContext
{
    [Fact]
    public void Admin_CreatesALinkForSupporters_SeesItOnce_AndInTheActiveList()
    {
        World.WithGoal().WithMember(Me, Planner);
        var page = RenderGoal();
        OpenInviteForms(page);
        page.WaitForElement("[data-testid=invite-links-empty]");

        page.Find("[data-testid=invite-link-create]").Click();

        var url = page.WaitForElement("input[data-testid=invite-link-url]").GetAttribute("value");
        Assert.Matches("^http://localhost/invite/inv_a{64}$", url);
        var link = page.Find("[data-testid=invite-link]");
        Assert.Contains("Supporter", link.TextContent);
        Assert.Contains("by alice", link.TextContent);
    }

    [Fact]
    public void Admin_RevokesALink_AfterConfirming()
    {
        World.WithGoal().WithMember(Me, Planner).WithInviteLink(StakeholderRoles.Spectator);
        var page = RenderGoal();
        OpenInviteForms(page);

        page.WaitForElement("[data-testid=invite-link-revoke]").Click();
        DialogLayer.WaitForAssertion(() => Assert.Contains("Revoke invite link?", DialogLayer.Markup));
        DialogLayer.FindAll("button").Single(b => b.TextContent.Trim() == "Revoke").Click();

        page.WaitForElement("[data-testid=invite-links-empty]");
        Assert.Equal(["i1"], World.RevokeCalls);
    }

    [Fact]
    public void Admin_CancellingARevoke_KeepsTheLink()
    {
        World.WithGoal().WithMember(Me, Planner).WithInviteLink(StakeholderRoles.Spectator);
        var page = RenderGoal();
        OpenInviteForms(page);

        page.WaitForElement("[data-testid=invite-link-revoke]").Click();
        DialogLayer.WaitForAssertion(() => Assert.Contains("Revoke invite link?", DialogLayer.Markup));
        DialogLayer.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        DialogLayer.WaitForAssertion(() => Assert.DoesNotContain("Revoke invite link?", DialogLayer.Markup));
        Assert.Empty(World.RevokeCalls);
        Assert.Single(page.FindAll("[data-testid=invite-link]"));
    }

    [Fact]
    public void NonAdmin_SeesNoInviteLinks()
    {
        World.WithGoal().WithMember(Me, StakeholderRoles.Achiever);
        var page = RenderGoal();
        page.WaitForElement("[data-testid=stakeholders]");

        Assert.Empty(page.FindAll("[data-testid=invite-links]"));
        Assert.Empty(page.FindAll("[data-testid=invite-open]"));
    }

    [Fact]
    public void Admin_SeesTheInviteFormsOnlyOnceAskedFor_AndCanCloseThemAgain()
    {
        World.WithGoal().WithMember(Me, Planner).WithInviteLink(StakeholderRoles.Spectator);
        var page = RenderGoal();
        var open = page.WaitForElement("[data-testid=invite-open]");
        Assert.Equal("false", open.GetAttribute("aria-expanded"));
        Assert.Empty(page.FindAll("[data-testid=invite-email]"));
        Assert.Empty(page.FindAll("[data-testid=invite-links]"));

        open.Click();

        page.WaitForElement("[data-testid=invite-link]");
        Assert.Single(page.FindAll("input[data-testid=invite-email]"));
        Assert.Equal("true", page.Find("[data-testid=invite-open]").GetAttribute("aria-expanded"));

        page.Find("[data-testid=invite-open]").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=invite-links]")));
        Assert.Equal("false", page.Find("[data-testid=invite-open]").GetAttribute("aria-expanded"));
    }

    [Fact]
    public void EmailInvite_StaleErrorClears_WhenTheFieldChanges()
    {
        World.WithGoal().WithMember(Me, Planner);
        var page = RenderGoal();
        OpenInviteForms(page);
        page.WaitForElement("[data-testid=invite-submit]");
        page.Find("input[data-testid=invite-email]").Input("nobody@example.com");
        page.Find("[data-testid=invite-submit]").Click();
        page.WaitForElement("[data-testid=invite-error]");

        page.Find("input[data-testid=invite-email]").Input("");

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=invite-error]")));
    }
}
