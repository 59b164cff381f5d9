using Microsoft.Playwright;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.Accounts;

/// <summary>Issue 24, row 4: changing the sign-in email asks for the current password; a wrong one changes nothing.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class EmailChangeTests(StriveServerFixture server)
{
    [Fact]
    public async Task ChangeEmail_WithAWrongPassword_IsRefused_WithTheRightOne_IsDone()
    {
        var email = StriveServerFixture.NewEmail("email-change");
        var changed = StriveServerFixture.NewEmail("email-changed");
        var page = await server.RegisterAndSignInAsync(email);
        await page.GotoAsync("Account/Manage/Email");
        var submit = page.GetByRole(AriaRole.Button, new() { Name = "Change email" });

        await page.GetByTestId("new-email").FillAsync(changed);
        await page.GetByTestId("email-password").FillAsync("Not-my-passw0rd!");
        await AccountPages.SubmitAndWaitForNewDocumentAsync(page, submit);
        await Assertions.Expect(page.GetByTestId("status-message")).ToContainTextAsync("not your current password");
        await Assertions.Expect(page.Locator("input[disabled]")).ToHaveValueAsync(email);

        await page.GetByTestId("new-email").FillAsync(changed);
        await page.GetByTestId("email-password").FillAsync(StriveServerFixture.DefaultPassword);
        await AccountPages.SubmitAndWaitForNewDocumentAsync(page, submit);
        await Assertions.Expect(page.GetByTestId("status-message")).ToContainTextAsync("Your email is changed.");
        await Assertions.Expect(page.Locator("input[disabled]")).ToHaveValueAsync(changed);
        await page.Context.CloseAsync();
    }
}
