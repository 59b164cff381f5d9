using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Strive.Domain.Goals;
using Strive.Web.Tests.Api;
using Strive.Web.Tests.Infrastructure;
using static Strive.Web.Tests.Api.ApiTestHelpers;

namespace Strive.Web.Tests.Accounts;

/// <summary>docs/api/API.md "Accounts (browser)": my data, sign out everywhere, delete my account.</summary>
public sealed class AccountDataTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    private const string Password = "Passw0rd!long";

    [Fact]
    public async Task MyData_IsOneJsonFile_WithTheAccount_ItsGoalsAsExports_PledgesAndKeysWithoutSecrets()
    {
        var me = await app.CreateCallerAsync();
        var goalId = await me.CreateGoalAsync("Swim a mile");
        using var browser = await SignInAsync(me.Email);

        var response = await browser.GetAsync(new Uri("/download/my-data.json", UriKind.Relative));

        var text = await response.Content.ReadAsStringAsync();
        var data = JsonDocument.Parse(text).RootElement;
        AssertProperties(data, "account", "goals", "pledges", "apiKeys", "reminders", "connectedApps", "exportedAt");
        Assert.Equal(me.Email, data.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal([goalId], data.GetProperty("goals").EnumerateArray().Select(g => g.GetProperty("goal").GetProperty("id").GetString()!));
        Assert.Equal(me.KeyId, data.GetProperty("apiKeys")[0].GetProperty("id").GetString());
        Assert.DoesNotContain(me.Key, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOutEverywhere_RefusesEveryOtherCookieOnItsNextRequest()
    {
        var me = await app.CreateCallerAsync();
        using var here = await SignInAsync(me.Email);
        using var elsewhere = await SignInAsync(me.Email);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync(new Uri("/Account/Manage", UriKind.Relative))).StatusCode);

        var posted = await AccountForms.PostFormAsync(here, "/Account/Manage/Data", "sign-out-everywhere", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var next = await elsewhere.GetAsync(new Uri("/Account/Manage", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Contains("Account/Login", next.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteAccount_WithTheWrongPassword_ChangesNothing()
    {
        var me = await app.CreateCallerAsync();
        using var browser = await SignInAsync(me.Email);

        var posted = await AccountForms.PostFormAsync(browser, "/Account/Manage/Data", "delete-account",
            new Dictionary<string, string> { ["Input.Password"] = "not-my-password" });

        Assert.Contains("That password is not right", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await (await me.Client.GetAsync("/api/v1/users/me")).DataAsync();
    }

    [Fact]
    public async Task DeleteAccount_RefusesKeyCookieAndSignIn_DeletesSoleAdminGoals_AndPledgesStayAsAFormerMember()
    {
        var me = await app.CreateCallerAsync();
        var mine = await me.CreateGoalAsync("Only mine");
        var friend = await app.CreateCallerAsync();
        var theirs = await friend.CreateGoalAsync("Theirs");
        await app.JoinAsync(me, theirs, StakeholderRoles.Supporter);
        await (await me.Client.PostJsonAsync($"/api/v1/goals/{theirs}/supports", """{"description": "A cake"}"""))
            .DataAsync(HttpStatusCode.Created);
        using var browser = await SignInAsync(me.Email);
        using var otherBrowser = await SignInAsync(me.Email);
        var page = await browser.GetStringAsync(new Uri("/Account/Manage/Data", UriKind.Relative));
        Assert.Contains("Only mine", page, StringComparison.Ordinal);

        var posted = await AccountForms.PostFormAsync(browser, "/Account/Manage/Data", "delete-account",
            new Dictionary<string, string> { ["Input.Password"] = Password });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        await (await me.Client.GetAsync("/api/v1/users/me")).AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authenticated");
        Assert.Equal(HttpStatusCode.Redirect, (await otherBrowser.GetAsync(new Uri("/Account/Manage", UriKind.Relative))).StatusCode);
        using var again = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signIn = await AccountForms.SignInAsync(again, me.Email, Password);
        Assert.NotEqual(HttpStatusCode.Redirect, signIn.StatusCode);
        await (await friend.Client.GetAsync($"/api/v1/goals/{mine}")).AssertErrorAsync(HttpStatusCode.NotFound, "Goal not found");
        var theirGoal = await (await friend.Client.GetAsync($"/api/v1/goals/{theirs}")).DataAsync();
        Assert.Equal(0, theirGoal.GetProperty("numberOfSupporters").GetInt32());
        var export = (await (await friend.Client.GetAsync($"/api/v1/goals/{theirs}/export")).DataAsync()).ToString();
        Assert.Contains("A cake", export, StringComparison.Ordinal);
        Assert.DoesNotContain(me.Email, export, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<HttpClient> SignInAsync(string email)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signedIn = await AccountForms.SignInAsync(browser, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }
}
