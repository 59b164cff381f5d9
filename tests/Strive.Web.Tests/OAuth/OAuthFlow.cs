using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Strive.Web.Tests.Api;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.OAuth;

/// <summary>What an app does to get a token: register, send the person to consent, trade the code, refresh.</summary>
public static partial class OAuthFlow
{
    public const string Redirect = "http://127.0.0.1:47111/callback";
    public const string Password = "Passw0rd!long";
    private static readonly string[] GrantTypes = ["authorization_code", "refresh_token"];

    public static HttpClient Browser<T>(this WebApplicationFactory<T> app)
        where T : class => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static async Task<string> RegisterClientAsync(HttpClient http, string? scope = null, string name = "Test agent")
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["client_name"] = name, ["redirect_uris"] = new[] { Redirect }, ["token_endpoint_auth_method"] = "none",
            ["grant_types"] = GrantTypes, ["scope"] = scope,
        });
        var response = await http.PostJsonAsync("/oauth/register", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("client_id").GetString()!;
    }

    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static string AuthorizeUrl(string clientId, string challenge, string scope, string redirect = Redirect,
        string method = "S256") =>
        QueryHelpers.AddQueryString("/oauth/authorize", new Dictionary<string, string?>
        {
            ["response_type"] = "code", ["client_id"] = clientId, ["redirect_uri"] = redirect, ["scope"] = scope,
            ["state"] = "st4te", ["code_challenge"] = challenge, ["code_challenge_method"] = method,
        });

    /// <summary>A signed-in person (the browser's cookie) opens the consent page and allows <paramref name="grant"/>.</summary>
    public static async Task<string> ConsentAsync(HttpClient browser, string authorizeUrl, IEnumerable<string> grant)
    {
        var toConsent = await browser.GetAsync(new Uri(authorizeUrl, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, toConsent.StatusCode);
        var page = await browser.GetStringAsync(toConsent.Headers.Location!);
        // Only the consent form's own fields, as a browser posts them (the page has other forms).
        page = page[page.IndexOf("data-testid=\"consent-form\"", StringComparison.Ordinal)..];
        page = page[..page.IndexOf("</form>", StringComparison.Ordinal)];
        var fields = Hidden().Matches(page).Select(m => KeyValuePair.Create(WebUtility.HtmlDecode(m.Groups[1].Value),
            WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        fields.AddRange(grant.Select(s => KeyValuePair.Create("granted_scope", s)));
        fields.Add(KeyValuePair.Create("decision", "allow"));
        var decided = await browser.PostAsync(new Uri("/oauth/authorize", UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.True(decided.StatusCode == HttpStatusCode.Redirect, await decided.Content.ReadAsStringAsync());
        var location = decided.Headers.Location!;
        Assert.StartsWith(Redirect, location.AbsoluteUri, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.True(query.ContainsKey("code"), location.AbsoluteUri);
        return query["code"].ToString();
    }

    public static async Task<HttpResponseMessage> TokenAsync(HttpClient http, IDictionary<string, string> form) =>
        await http.PostAsync(new Uri("/oauth/token", UriKind.Relative), new FormUrlEncodedContent(form));

    public static async Task<(string Access, string Refresh)> TokensAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var json = JsonDocument.Parse(text).RootElement;
        return (json.GetProperty("access_token").GetString()!, json.GetProperty("refresh_token").GetString()!);
    }

    /// <summary>The whole flow for a fresh person: their id, the browser signed in as them, the client and the tokens.</summary>
    public static async Task<Connected> ConnectAsync<T>(this WebApplicationFactory<T> app, IReadOnlyList<string> grant,
        string? scope = null)
        where T : class
    {
        var email = $"oauth-{Guid.NewGuid():N}@example.test";
        var userId = await app.CreateUserAsync(email);
        var browser = app.Browser();
        await AccountForms.SignInAsync(browser, email, Password);
        var clientId = await RegisterClientAsync(browser, scope);
        var (verifier, challenge) = Pkce();
        var code = await ConsentAsync(browser, AuthorizeUrl(clientId, challenge, scope ?? string.Join(' ', grant)), grant);
        var (access, refresh) = await TokensAsync(await TokenAsync(browser, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = Redirect, ["client_id"] = clientId,
            ["code_verifier"] = verifier,
        }));
        return new Connected(userId, browser, clientId, access, refresh);
    }

    public static HttpClient WithBearer<T>(this WebApplicationFactory<T> app, string token)
        where T : class => app.CreateClientWithKey(token);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex Hidden();
}

public sealed record Connected(string UserId, HttpClient Browser, string ClientId, string Access, string Refresh);
