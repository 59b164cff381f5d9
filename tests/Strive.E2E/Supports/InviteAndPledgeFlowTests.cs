using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Strive.E2E.Board;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.Supports;

/// <summary>Issue 12, "Done when": invite link → new supporter → pledge → completion → decision → seen by the achiever.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class InviteAndPledgeFlowTests(StriveServerFixture server)
{
    [Fact]
    public async Task AdminInvitesBySupporterLink_NewcomerRegistersPledges_AchieverCompletes_SupporterAcceptsWithANote()
    {
        var adminEmail = StriveServerFixture.NewEmail("admin");
        var admin = new BoardPage(await server.RegisterAndSignInAsync(adminEmail));
        var boardPath = await server.GoalAsync(adminEmail, "Run a half marathon", ["Run 10 km", "Race day"]);
        await admin.OpenAsync(boardPath);

        // The admin makes a single-use link for "supporter" (the default role of a link) and copies it.
        await admin.Page.GetByTestId("invite-open").ClickAsync();
        var links = admin.Page.GetByTestId("invite-links");
        await Assertions.Expect(links.GetByRole(AriaRole.Checkbox, new() { Name = "Supporter", Exact = true })).ToBeCheckedAsync();
        await links.GetByTestId("invite-link-create").ClickAsync();
        var link = await links.GetByTestId("invite-link-url").InputValueAsync();
        Assert.Matches("/invite/inv_[0-9a-f]{64}$", link);
        await Assertions.Expect(links.GetByTestId("invite-link")).ToHaveCountAsync(1);

        // A new person opens it, registers, and lands on the goal as a supporter.
        var newcomerContext = await server.NewContextAsync();
        var newcomer = new BoardPage(await newcomerContext.NewPageAsync());
        await newcomer.Page.GotoAsync(link);
        await Assertions.Expect(newcomer.Page.GetByTestId("invite-preview")).ToContainTextAsync("supporter");
        await newcomer.Page.GetByTestId("invite-register").ClickAsync();
        await newcomer.Page.GetByTestId("register-email").FillAsync(StriveServerFixture.NewEmail("newcomer"));
        await newcomer.Page.GetByTestId("register-name").FillAsync("Nina");
        await newcomer.Page.GetByTestId("register-password").FillAsync(StriveServerFixture.DefaultPassword);
        await newcomer.Page.GetByTestId("register-confirm").FillAsync(StriveServerFixture.DefaultPassword);
        await newcomer.Page.GetByTestId("register-submit").ClickAsync();
        await Assertions.Expect(newcomer.Page).ToHaveURLAsync(new Regex(Regex.Escape(boardPath) + "$"));
        await newcomer.WaitUntilInteractiveAsync();
        await Assertions.Expect(newcomer.Page.GetByTestId("stakeholder").Filter(new() { HasText = "Nina" }))
            .ToContainTextAsync("Supporter");

        // The supporter pledges on a milestone from the board.
        await newcomer.Row("Run 10 km").GetByTestId("milestone-pledge").ClickAsync();
        await newcomer.Page.GetByTestId("pledge-text").FillAsync("A massage after the race");
        await newcomer.Page.GetByTestId("pledge-submit").ClickAsync();
        await Assertions.Expect(newcomer.Row("Run 10 km").GetByTestId("pledge")).ToContainTextAsync("A massage after the race");

        // The achiever (the admin here) sees the pledge and who made it, and completes the milestone.
        var seenByAdmin = admin.Row("Run 10 km").GetByTestId("pledge");
        await Assertions.Expect(seenByAdmin.GetByTestId("pledge-supporter")).ToHaveTextAsync("Nina");
        await admin.SetStatusAsync("Run 10 km", "status-succeeded");
        await Assertions.Expect(seenByAdmin).ToHaveAttributeAsync("data-status", "awaiting");

        // The supporter is asked, and accepts with a note.
        var decision = newcomer.Row("Run 10 km").GetByTestId("pledge-decision-needed");
        await Assertions.Expect(decision).ToContainTextAsync("Your decision is needed");
        await decision.GetByTestId("pledge-accept").ClickAsync();
        await newcomer.Page.GetByTestId("pledge-note-input").FillAsync("Booked for Sunday");
        await newcomer.Page.GetByTestId("pledge-decision-submit").ClickAsync();
        await Assertions.Expect(newcomer.Row("Run 10 km").GetByTestId("pledge")).ToHaveAttributeAsync("data-status", "accepted");
        await Assertions.Expect(decision).ToHaveCountAsync(0);

        // The achiever sees the decision and its note, and the activity tells the story.
        await Assertions.Expect(seenByAdmin).ToHaveAttributeAsync("data-status", "accepted");
        await Assertions.Expect(seenByAdmin.GetByTestId("pledge-note")).ToContainTextAsync("Booked for Sunday");
        await Assertions.Expect(admin.Page.GetByTestId("activity")).ToContainTextAsync("accepted the pledge");
        await Assertions.Expect(admin.Page.GetByTestId("activity")).ToContainTextAsync("pledged support");
        await Assertions.Expect(links.GetByTestId("invite-links-empty")).ToBeVisibleAsync();

        // The link was single use: opened again, it says so.
        var latecomer = await server.NewPageAsync();
        await latecomer.GotoAsync(link);
        await Assertions.Expect(latecomer.GetByTestId("invite-refused")).ToContainTextAsync("already been used");

        await latecomer.Context.CloseAsync();
        await newcomerContext.CloseAsync();
        await admin.Page.Context.CloseAsync();
    }
}
