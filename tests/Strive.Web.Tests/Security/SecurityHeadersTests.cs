using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Strive.Web.Security;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.Security;

/// <summary>
/// Every response, whatever its kind, carries nosniff and the referrer and permissions policies; over
/// HTTPS (directly, or as a trusted proxy reports it) cookies are Secure and HSTS is sent (issue 10).
/// </summary>
public sealed class SecurityHeadersTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/Account/Login")]
    [InlineData("GET", "/app.css")]
    [InlineData("GET", "/favicon.svg")]
    [InlineData("GET", "/status")]
    [InlineData("GET", "/api/v1/goals")]           // 401 JSON
    [InlineData("GET", "/api/v1/no-such-thing")]   // 404 JSON
    [InlineData("GET", "/no-such-page")]           // the not-found page
    [InlineData("POST", "/Account/Logout")]        // 400 page, no antiforgery token
    [InlineData("POST", "/api/v1/goals")]          // 401 JSON
    public async Task EveryResponse_CarriesTheSecurityHeaders(string method, string path)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" });
        }

        var response = await client.SendAsync(request);

        AssertSecurityHeaders(response);
    }

    [Fact]
    public void ThePermissionsPolicy_DeniesTheSensitiveFeatures()
    {
        foreach (var feature in new[] { "camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()" })
        {
            Assert.Contains(feature, SecurityExtensions.PermissionsPolicy, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OverHttps_CookiesAreSecure_AndHstsIsSent()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, BaseAddress = new Uri("https://strive.example/"),
        });

        var response = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));

        AssertSecureCookiesAndHsts(response);
    }

    [Fact]
    public async Task OverPlainHttp_NoHsts()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, BaseAddress = new Uri("http://strive.example/"),
        });

        var response = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.All(Cookies(response), cookie => Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase));
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task ForwardedHttps_IsIgnoredUnlessEnabled()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, BaseAddress = new Uri("http://strive.example/"),
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/Account/Login", UriKind.Relative));
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request);

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task BehindATrustedProxy_ForwardedHttps_MakesCookiesSecure_AndSendsHsts()
    {
        using var behindProxy = StriveAppFactory.OverFile(app.DatabasePath, new Dictionary<string, string?>
        {
            ["ForwardedHeaders:Enabled"] = "true",
            ["ForwardedHeaders:KnownNetworks:0"] = "0.0.0.0/0",
            ["ForwardedHeaders:KnownNetworks:1"] = "::/0",
        });
        using var client = behindProxy.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, BaseAddress = new Uri("http://strive.example/"),
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/Account/Login", UriKind.Relative));
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        var response = await client.SendAsync(request);

        AssertSecureCookiesAndHsts(response);
    }

    private static void AssertSecureCookiesAndHsts(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"), "no HSTS");
        var cookies = Cookies(response);
        Assert.NotEmpty(cookies);
        Assert.All(cookies, cookie => Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase));
        AssertSecurityHeaders(response);
    }

    private static List<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : [];

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var where = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} ({(int)response.StatusCode})";
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var nosniff), where);
        Assert.Equal("nosniff", Assert.Single(nosniff));
        Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer), where);
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(referrer));
        Assert.True(response.Headers.TryGetValues("Permissions-Policy", out var permissions), where);
        Assert.Equal(SecurityExtensions.PermissionsPolicy, Assert.Single(permissions));
    }
}
