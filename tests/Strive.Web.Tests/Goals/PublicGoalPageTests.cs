using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Web.Tests.Api;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.Goals;

/// <summary>
/// A goal's link in the browser (docs/api/API.md "Public goals"): a public goal's board is plain, statically
/// rendered HTML for anyone not on it, with no circuit to start; its stakeholders keep the interactive board at
/// the same URL; a private goal answers as before.
/// </summary>
public sealed class PublicGoalPageTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    private const string Password = "Passw0rd!long";

    /// <summary>What Blazor writes for a component the server will run in a circuit.</summary>
    private const string CircuitMarker = "\"type\":\"server\"";

    [Fact]
    public async Task Anonymous_OpensAPublicGoal_AndGetsTheReadOnlyBoardAsPlainHtml()
    {
        var goalId = await SeedGoalAsync(isPublic: true);
        using var browser = Browser();

        var response = await browser.GetAsync(new Uri($"/goals/{goalId}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"public-goal\"", html, StringComparison.Ordinal);
        Assert.Contains("Walk the Camino", html, StringComparison.Ordinal);
        var first = html.IndexOf("Pack light", StringComparison.Ordinal);
        var second = html.IndexOf("Reach Santiago", StringComparison.Ordinal);
        Assert.True(first > 0 && second > first, "milestones in their order");
        Assert.Contains("Succeeded", html, StringComparison.Ordinal);
        Assert.Contains("Due 31 Dec 2030", html, StringComparison.Ordinal);
        Assert.Contains("1 succeeded of 2", html, StringComparison.Ordinal);
        Assert.Contains("Sign in to follow", html, StringComparison.Ordinal);
        Assert.DoesNotContain(CircuitMarker, html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"<script[^>]*src=""[^""]*_framework/blazor\.", html);
        Assert.DoesNotContain("data-testid=\"edit-goal\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_OpensAPrivateGoal_IsSentToSignIn_AndBackAfterwards()
    {
        var goalId = await SeedGoalAsync(isPublic: false);
        using var browser = Browser();

        var response = await browser.GetAsync(new Uri($"/goals/{goalId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Contains("Account/Login", location, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString($"/goals/{goalId}"), location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_OpensAnUnknownGoal_IsSentToSignIn()
    {
        using var browser = Browser();

        var response = await browser.GetAsync(new Uri("/goals/nope", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedInOutsider_OfAPrivateGoal_SeesNoAccess()
    {
        var goalId = await SeedGoalAsync(isPublic: false);
        using var browser = await SignedInAsync();

        var html = await browser.GetStringAsync(new Uri($"/goals/{goalId}", UriKind.Relative));

        Assert.Contains("data-testid=\"goal-forbidden\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Pack light", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stakeholder_KeepsTheInteractiveBoard_AtTheSameLink()
    {
        var (ownerEmail, ownerId) = await UserAsync();
        var goalId = await SeedGoalAsync(isPublic: true, ownerId);
        using var browser = await SignedInAsync(ownerEmail);

        var html = await browser.GetStringAsync(new Uri($"/goals/{goalId}", UriKind.Relative));

        Assert.Contains(CircuitMarker, html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"milestone-board\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"public-goal\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedInOutsider_Follows_BecomesASpectator_AndLandsOnTheInteractiveBoard()
    {
        var goalId = await SeedGoalAsync(isPublic: true);
        var (email, userId) = await UserAsync();
        using var browser = await SignedInAsync(email);
        var page = await browser.GetStringAsync(new Uri($"/goals/{goalId}", UriKind.Relative));
        Assert.Contains("data-testid=\"follow-goal\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(CircuitMarker, page, StringComparison.Ordinal);

        var followed = await AccountForms.PostFormAsync(browser, $"/goals/{goalId}", "follow-goal",
            new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, followed.StatusCode);
        Assert.Equal($"/goals/{goalId}", followed.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
        using (var scope = app.Services.CreateScope())
        {
            var goal = await scope.ServiceProvider.GetRequiredService<IGoalService>().GetAsync(userId, goalId);
            Assert.Equal(StakeholderRoles.Spectator, goal.Value!.MyRoles);
        }

        var board = await browser.GetStringAsync(new Uri($"/goals/{goalId}", UriKind.Relative));
        Assert.Contains(CircuitMarker, board, StringComparison.Ordinal);
    }

    private async Task<string> SeedGoalAsync(bool isPublic, string? ownerId = null)
    {
        ownerId ??= (await UserAsync()).UserId;
        using var scope = app.Services.CreateScope();
        var goals = scope.ServiceProvider.GetRequiredService<IGoalService>();
        var milestones = scope.ServiceProvider.GetRequiredService<IMilestoneService>();
        var goal = (await goals.CreateAsync(ownerId, new NewGoal("Walk the Camino", "800 km", IsPublic: isPublic))).Value!;
        var first = (await milestones.CreateAsync(ownerId, goal.Id, new NewMilestone("Pack light"))).Value!;
        await milestones.CreateAsync(ownerId, goal.Id,
            new NewMilestone("Reach Santiago", Deadline: new DateTimeOffset(2030, 12, 31, 0, 0, 0, TimeSpan.Zero)));
        await milestones.UpdateAsync(ownerId, goal.Id, first.Id, new MilestoneChanges { Status = MilestoneStatus.Succeeded });
        return goal.Id;
    }

    private async Task<(string Email, string UserId)> UserAsync()
    {
        var email = $"user-{Guid.NewGuid():N}@example.test";
        return (email, await app.CreateUserAsync(email));
    }

    private async Task<HttpClient> SignedInAsync(string? email = null)
    {
        email ??= (await UserAsync()).Email;
        var browser = Browser();
        var signedIn = await AccountForms.SignInAsync(browser, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
