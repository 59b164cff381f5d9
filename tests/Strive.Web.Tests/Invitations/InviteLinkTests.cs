using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Strive.Domain.Goals;
using Strive.Domain.Invitations;
using Strive.Web.Tests.Api;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.Invitations;

/// <summary>The app with a clock the tests move, to let invite links expire.</summary>
public sealed class InviteClockAppFactory : StriveAppFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>
/// Issue 12, "Invite links": a new person registers through a link and lands on the goal with its roles,
/// then the pledge-and-decide flow runs over the API; a used, revoked or expired link is refused with a page
/// that says which.
/// </summary>
public sealed class InviteLinkTests(InviteClockAppFactory app) : IClassFixture<InviteClockAppFactory>
{
    private const string Password = "Passw0rd!long";

    [Fact]
    public async Task ANewPerson_RegistersThroughTheLink_LandsOnTheGoalAsSupporter_ThenPledgeAndDecisionRunOverTheApi()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync("Run a half marathon");
        var milestoneId = await owner.CreateMilestoneIdAsync(goalId, "Run 10 km");
        var token = await CreateLinkAsync(owner.UserId, goalId, StakeholderRoles.Supporter);
        using var browser = Browser();

        var invite = await browser.GetAsync(new Uri($"/invite/{token}", UriKind.Relative));
        var invitePage = await invite.Content.ReadAsStringAsync();
        var email = $"newcomer-{Guid.NewGuid():N}@example.test";
        var registered = await AccountForms.PostFormAsync(browser, $"/Account/Register?ReturnUrl=invite/{token}", "register",
            new Dictionary<string, string>
            {
                ["Input.Email"] = email, ["Input.DisplayName"] = "Nina", ["Input.Password"] = Password,
                ["Input.ConfirmPassword"] = Password,
            });
        var back = await browser.GetAsync(Local(registered.Headers.Location!));

        Assert.Equal(HttpStatusCode.OK, invite.StatusCode);
        Assert.Contains("Run a half marathon", invitePage, StringComparison.Ordinal);
        Assert.Contains($"Account/Register?ReturnUrl=invite%2F{token}", invitePage, StringComparison.Ordinal);
        Assert.Equal($"/invite/{token}", Local(registered.Headers.Location!).OriginalString.TrimStart('~'));
        Assert.Equal($"/goals/{goalId}", Local(back.Headers.Location!).OriginalString);

        // The newcomer is a supporter now; the rest of the flow is the API's.
        var people = await (await owner.Client.GetAsync($"/api/v1/goals/{goalId}")).DataAsync();
        Assert.Equal(1, people.GetProperty("numberOfSupporters").GetInt32());
        var newcomerId = await UserIdOfAsync(email);
        var key = await app.CreateKeyAsync(newcomerId);
        using var supporter = app.CreateClientWithKey(key.RawKey);
        var pledge = await (await supporter.PostJsonAsync($"/api/v1/goals/{goalId}/supports",
            $$"""{"description": "A massage after the race", "milestoneId": "{{milestoneId}}"}""")).DataAsync(HttpStatusCode.Created);
        var supportId = pledge.GetProperty("id").GetString()!;
        await (await owner.Client.PatchJsonAsync($"/api/v1/goals/{goalId}/milestones/{milestoneId}", """{"status": "succeeded"}""")).DataAsync();
        var due = await (await supporter.GetAsync($"/api/v1/goals/{goalId}/supports")).DataAsync();
        var decided = await (await supporter.PatchJsonAsync($"/api/v1/goals/{goalId}/supports/{supportId}",
            """{"status": "accepted", "note": "Booked for Sunday"}""")).DataAsync();
        var seenByAchiever = (await (await owner.Client.GetAsync($"/api/v1/goals/{goalId}/supports")).DataAsync())[0];

        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, due[0].GetProperty("needsDecision").ValueKind);
        Assert.Equal("accepted", decided.GetProperty("status").GetString());
        Assert.Equal(("accepted", "Booked for Sunday", newcomerId), (seenByAchiever.GetProperty("status").GetString(),
            seenByAchiever.GetProperty("note").GetString(), seenByAchiever.GetProperty("supporterId").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, seenByAchiever.GetProperty("needsDecision").ValueKind);
    }

    [Fact]
    public async Task SigningIn_ThroughTheLink_KeepsItAndJoins()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var token = await CreateLinkAsync(owner.UserId, goalId, StakeholderRoles.Spectator);
        var email = $"member-{Guid.NewGuid():N}@example.test";
        await app.CreateUserAsync(email);
        using var browser = Browser();

        var signedIn = await AccountForms.PostFormAsync(browser, $"/Account/Login?ReturnUrl=invite/{token}", "login",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        var back = await browser.GetAsync(Local(signedIn.Headers.Location!));

        Assert.Equal($"/goals/{goalId}", Local(back.Headers.Location!).OriginalString);
    }

    [Fact]
    public async Task AUsedLink_IsRefusedWithAPageSayingSo()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var token = await CreateLinkAsync(owner.UserId, goalId, StakeholderRoles.Supporter);
        var first = await SignedInBrowserAsync();
        await first.GetAsync(new Uri($"/invite/{token}", UriKind.Relative));
        using var second = await SignedInBrowserAsync();
        using var anonymous = Browser();

        var refused = await second.GetAsync(new Uri($"/invite/{token}", UriKind.Relative));
        var refusedAnonymously = await anonymous.GetAsync(new Uri($"/invite/{token}", UriKind.Relative));

        await AssertRefusedAsync(refused, HttpStatusCode.Gone, "invitation.used", "already been used");
        await AssertRefusedAsync(refusedAnonymously, HttpStatusCode.Gone, "invitation.used", "already been used");
        first.Dispose();
    }

    [Fact]
    public async Task ARevokedLink_IsRefusedWithAPageSayingSo()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        using var scope = app.Services.CreateScope();
        var invitations = scope.ServiceProvider.GetRequiredService<IInvitationService>();
        var created = (await invitations.CreateAsync(owner.UserId, goalId, StakeholderRoles.Supporter, TimeSpan.FromDays(7))).Value!;
        await invitations.RevokeAsync(owner.UserId, goalId, created.Invitation.Id);
        using var browser = await SignedInBrowserAsync();

        var refused = await browser.GetAsync(new Uri($"/invite/{created.Token}", UriKind.Relative));

        await AssertRefusedAsync(refused, HttpStatusCode.Gone, "invitation.revoked", "withdrawn");
        var goal = await (await owner.Client.GetAsync($"/api/v1/goals/{goalId}")).DataAsync();
        Assert.Equal(0, goal.GetProperty("numberOfSupporters").GetInt32());
    }

    [Fact]
    public async Task AnExpiredLink_IsRefusedWithAPageSayingSo()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var token = await CreateLinkAsync(owner.UserId, goalId, StakeholderRoles.Supporter, TimeSpan.FromDays(1));
        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        using var anonymous = Browser();
        using var browser = await SignedInBrowserAsync();

        await AssertRefusedAsync(await anonymous.GetAsync(new Uri($"/invite/{token}", UriKind.Relative)),
            HttpStatusCode.Gone, "invitation.expired", "has expired");
        await AssertRefusedAsync(await browser.GetAsync(new Uri($"/invite/{token}", UriKind.Relative)),
            HttpStatusCode.Gone, "invitation.expired", "has expired");
    }

    [Theory]
    [InlineData("inv_0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("not-a-token")]
    public async Task AnUnknownLink_IsRefusedWithAClearPage(string token)
    {
        using var anonymous = Browser();

        var refused = await anonymous.GetAsync(new Uri($"/invite/{token}", UriKind.Relative));

        await AssertRefusedAsync(refused, HttpStatusCode.Gone, "invitation.unknown", "copied whole");
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string reason,
        string words)
    {
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(status, response.StatusCode);
        Assert.True(page.Contains($"data-reason=\"{reason}\"", StringComparison.Ordinal), page);
        Assert.Contains(words, page, StringComparison.Ordinal);
    }

    private async Task<string> CreateLinkAsync(string ownerId, string goalId, StakeholderRoles roles, TimeSpan? lifetime = null)
    {
        using var scope = app.Services.CreateScope();
        var invitations = scope.ServiceProvider.GetRequiredService<IInvitationService>();
        var created = await invitations.CreateAsync(ownerId, goalId, roles, lifetime ?? Invitation.DefaultLifetime);
        Assert.True(created.IsSuccess, created.Error?.Message);
        return created.Value.Token;
    }

    private async Task<HttpClient> SignedInBrowserAsync()
    {
        var email = $"user-{Guid.NewGuid():N}@example.test";
        await app.CreateUserAsync(email);
        var browser = Browser();
        var signedIn = await AccountForms.SignInAsync(browser, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    private async Task<string> UserIdOfAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Strive.Domain.Users.StriveUser>>();
        return (await users.FindByEmailAsync(email))!.Id;
    }

    private static Uri Local(Uri location) =>
        location.IsAbsoluteUri ? new Uri(location.PathAndQuery, UriKind.Relative) : location;

    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
