using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Strive.Domain.Goals;
using Strive.Domain.Users;
using Strive.Web.Tests.Api;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.ScaleOut;

/// <summary>
/// Issue 27 over two instances: what is deleted through A (an account, a goal) is refused by B on the next
/// request, though B had just used the key, the cookie and the goal.
/// </summary>
public sealed class AccountDeletionScaleOutTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task AccountDeletedThroughA_ItsKeyCookieAndSignIn_AreRefusedByB_OnTheNextRequest()
    {
        var email = $"leaver-{Guid.NewGuid():N}@example.test";
        var userId = await instances.A.CreateUserAsync(email);
        var key = await instances.A.CreateKeyAsync(userId);
        using var keyOnB = instances.B.NewClient(key.RawKey);
        using var browserOnB = Browser(instances.B.BaseUrl);
        Assert.Equal(HttpStatusCode.Redirect, (await AccountForms.SignInAsync(browserOnB, email, "Passw0rd!long")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await keyOnB.GetAsync(new Uri("api/v1/goals", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browserOnB.GetAsync(new Uri("Account/Manage", UriKind.Relative))).StatusCode);

        await using (var scope = instances.A.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IAccountService>().DeleteAsync(userId);
        }

        await (await keyOnB.GetAsync(new Uri("api/v1/goals", UriKind.Relative)))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authenticated");
        var page = await browserOnB.GetAsync(new Uri("Account/Manage", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("Account/Login", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var again = Browser(instances.B.BaseUrl);
        Assert.NotEqual(HttpStatusCode.Redirect, (await AccountForms.SignInAsync(again, email, "Passw0rd!long")).StatusCode);
    }

    [Fact]
    public async Task GoalDeletedThroughA_Is404OnB_ThoughBJustServedItsList()
    {
        var userId = await instances.A.CreateUserAsync();
        var key = await instances.A.CreateKeyAsync(userId);
        using var onA = instances.A.NewClient(key.RawKey);
        using var onB = instances.B.NewClient(key.RawKey);
        var goalId = await instances.A.CreateGoalDirectlyAsync(userId);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync(new Uri($"api/v1/goals/{goalId}/milestones", UriKind.Relative))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await onA.DeleteAsync(new Uri($"api/v1/goals/{goalId}", UriKind.Relative))).StatusCode);

        await (await onB.GetAsync(new Uri($"api/v1/goals/{goalId}/milestones", UriKind.Relative)))
            .AssertErrorAsync(HttpStatusCode.NotFound, "Goal not found");
    }

    private static HttpClient Browser(Uri baseUrl) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = baseUrl };
}
