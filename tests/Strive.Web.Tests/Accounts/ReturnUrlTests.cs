using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Strive.Web.Tests.Api;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.Accounts;

/// <summary>
/// The account pages never answer a 500 (issue 10): a ReturnUrl or returnUrl that would leave the site, or
/// cannot be followed at all, falls back to a page of Strive; a sign-out without its antiforgery token is a 400 page.
/// </summary>
public sealed partial class ReturnUrlTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    private const string Password = "Passw0rd!long";

    /// <summary>ReturnUrl values as the page receives them (escaped when sent).</summary>
    public static TheoryData<string> OffSiteUrls => new()
    {
        "//evil.example", "https://evil.example", "http://evil.example/goals", "/\\evil.example",
        "\\\\evil.example", "\\evil.example", "javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,hi",
        "///evil.example", "/ /evil.example", "https:evil.example", "\u00e9vil", "/goals\r\nSet-Cookie: x=1",
        "//evil.example/%2e%2e", "http://localhost:1@evil.example/", "%", "//", "\t//evil.example",
    };

    [Theory]
    [MemberData(nameof(OffSiteUrls))]
    public async Task SignIn_WithAnOffSiteReturnUrl_GoesToTheGoals(string returnUrl)
    {
        var email = $"user-{Guid.NewGuid():N}@example.test";
        await app.CreateUserAsync(email);
        using var browser = Browser();

        var response = await AccountForms.PostFormAsync(browser, "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl),
            "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });

        AssertRedirectOnSite(response, returnUrl, "/goals");
    }

    [Theory]
    [MemberData(nameof(OffSiteUrls))]
    public async Task Register_WithAnOffSiteReturnUrl_GoesToTheGoals(string returnUrl)
    {
        using var browser = Browser();

        var response = await AccountForms.PostFormAsync(browser,
            "/Account/Register?ReturnUrl=" + Uri.EscapeDataString(returnUrl), "register", new Dictionary<string, string>
            {
                ["Input.Email"] = $"user-{Guid.NewGuid():N}@example.test",
                ["Input.Password"] = Password,
                ["Input.ConfirmPassword"] = Password,
            });

        AssertRedirectOnSite(response, returnUrl, "/goals");
    }

    [Theory]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("%2F%5Cevil.example")]
    [InlineData("https%3A%2F%2Fevil.example")]
    [InlineData("%2F%2F%2Fevil.example")]
    public async Task SignIn_WithAnOffSiteReturnUrlEscapedInTheQuery_GoesToTheGoals(string rawQueryValue)
    {
        var email = $"user-{Guid.NewGuid():N}@example.test";
        await app.CreateUserAsync(email);
        using var browser = Browser();

        var response = await AccountForms.PostFormAsync(browser, "/Account/Login?ReturnUrl=" + rawQueryValue,
            "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });

        AssertRedirectOnSite(response, rawQueryValue, "/goals");
    }

    [Theory]
    [InlineData("/goals/abc?tab=board", "/goals/abc?tab=board")]
    [InlineData("goals", "/goals")]
    [InlineData("", "/goals")]
    public async Task SignIn_WithALocalReturnUrl_GoesThere(string returnUrl, string expected)
    {
        var email = $"user-{Guid.NewGuid():N}@example.test";
        await app.CreateUserAsync(email);
        using var browser = Browser();

        var response = await AccountForms.PostFormAsync(browser, "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl),
            "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });

        AssertRedirectOnSite(response, returnUrl, expected);
    }

    /// <summary>
    /// The sign-out returnUrl is relative to the site's base, so "https://evil.example" is the local path
    /// "/https://evil.example"; what would leave the site ("//", "/\", "\") goes home.
    /// </summary>
    [Theory]
    [MemberData(nameof(OffSiteUrls))]
    [InlineData("/evil.example")]
    [InlineData("%2F%2Fevil.example")]
    public async Task SignOut_WithAnyReturnUrl_StaysOnTheSite(string returnUrl)
    {
        using var browser = Browser();

        var response = await SignOutAsync(browser, returnUrl);

        AssertRedirectOnSite(response, returnUrl, null);
    }

    [Theory]
    [InlineData("/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("/\\evil.example")]
    public async Task SignOut_WithAReturnUrlThatWouldLeaveTheSite_GoesHome(string returnUrl)
    {
        using var browser = Browser();

        var response = await SignOutAsync(browser, returnUrl);

        AssertRedirectOnSite(response, returnUrl, "/");
    }

    [Fact]
    public async Task SignOut_WithALocalReturnUrl_GoesThere()
    {
        using var browser = Browser();

        var response = await SignOutAsync(browser, "goals?x=1");

        AssertRedirectOnSite(response, "goals?x=1", "/goals?x=1");
    }

    [Theory]
    [InlineData("returnUrl=goals")]
    [InlineData("")]
    [InlineData("__RequestVerificationToken=forged&returnUrl=%2F%2Fevil.example")]
    public async Task SignOut_WithoutAValidAntiforgeryToken_IsA400Page(string form)
    {
        using var browser = Browser();
        using var content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await browser.PostAsync(new Uri("/Account/Logout", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("400", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task<HttpResponseMessage> SignOutAsync(HttpClient browser, string returnUrl)
    {
        var page = await browser.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        var token = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["returnUrl"] = returnUrl,
        });
        return await browser.PostAsync(new Uri("/Account/Logout", UriKind.Relative), content);
    }

    private static void AssertRedirectOnSite(HttpResponseMessage response, string returnUrl, string? expectedPathAndQuery)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"{returnUrl}: {(int)response.StatusCode}");
        var location = new Uri(new Uri("http://localhost/"), response.Headers.Location!);
        Assert.Equal("localhost", location.Host);
        Assert.False(response.Headers.Location!.OriginalString.StartsWith("//", StringComparison.Ordinal), returnUrl);
        if (expectedPathAndQuery is not null)
        {
            Assert.Equal(expectedPathAndQuery, location.PathAndQuery);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
