using Bunit;
using Strive.Domain.ApiKeys;
using Strive.Domain.Common;

namespace Strive.Web.Client.Tests.ApiKeys;

public sealed class CreateApiKeyDialogTests : ApiKeysPageTestContext
{
    [Fact]
    public void Create_WithoutName_SaysSoBesideTheNameAndDoesNotCallTheService()
    {
        var page = RenderPage();
        OpenCreateDialog(page);
        page.Find("[data-testid='scope-goals:read']").Change(true);

        Click(page, "confirm-create-api-key");

        page.WaitForAssertion(() => Assert.Contains("Give the key a name",
            page.Find("[data-testid='api-key-name']").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.Equal(0, Keys.CreateCalls);
        Assert.Empty(page.FindAll("[data-testid='new-api-key']"));
    }

    [Fact]
    public void Create_WithoutScope_SaysSoBesideTheScopesAndDoesNotCallTheService()
    {
        var page = RenderPage();
        OpenCreateDialog(page);
        page.Find("[data-testid='api-key-name']").Input("Zapier");

        Click(page, "confirm-create-api-key");

        page.WaitForAssertion(() =>
            Assert.Contains("Choose at least one scope", page.Find("fieldset.scopes").TextContent, StringComparison.Ordinal));
        Assert.Equal(0, Keys.CreateCalls);
    }

    [Fact]
    public void Create_RefusedByTheService_ShowsItsReasonInTheDialog()
    {
        Keys.RefuseNextCreate = ApiKeyErrors.TooMany;
        var page = RenderPage();
        OpenCreateDialog(page);
        page.Find("[data-testid='api-key-name']").Input("Zapier");
        page.Find("[data-testid='scope-goals:read']").Change(true);

        Click(page, "confirm-create-api-key");

        page.WaitForAssertion(() => Assert.Contains("Maximum of 10 active API keys allowed.",
            page.Find(".mud-dialog .mud-alert").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid='new-api-key']"));
    }

    [Fact]
    public void ReadOnlyChoice_CreatesAKeyWithEveryReadScopeAndNoWriteScope()
    {
        var page = RenderPage();
        OpenCreateDialog(page);
        page.Find("[data-testid='api-key-name']").Input("Dashboard");
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Read only").Click();

        Click(page, "confirm-create-api-key");

        var created = page.WaitForElement("[data-testid='api-key-row']");
        Assert.Equal(
            [ApiKeyScopes.GoalsRead, ApiKeyScopes.MilestonesRead, ApiKeyScopes.PostsRead, ApiKeyScopes.RemindersRead,
                ApiKeyScopes.UserRead, ApiKeyScopes.SupportsRead],
            created.QuerySelectorAll(".mud-chip").Select(chip => chip.TextContent.Trim()));
    }

    [Fact]
    public async Task ExpiryDate_TypedIn_GivesAKeyThatWorksThroughThatDay()
    {
        var page = RenderPage();
        OpenCreateDialog(page);
        page.Find("[data-testid='api-key-name']").Input("Short-lived");
        page.Find("[data-testid='scope-goals:read']").Change(true);
        page.Find("[data-testid='api-key-expires']").Change("2026-12-31");

        Click(page, "confirm-create-api-key");

        page.WaitForElement("[data-testid='new-api-key']");
        var key = Assert.Single(await Keys.ListAsync(UserId));
        var endOfDay = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(-1);
        Assert.Equal(endOfDay, key.ExpiresAt);
        Assert.Contains("31 Dec 2026", page.Find("[data-testid='api-key-row']").TextContent, StringComparison.Ordinal);
    }
}
