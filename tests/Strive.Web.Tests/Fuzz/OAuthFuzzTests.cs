using System.Net;
using System.Text;
using Strive.Web.Tests.Api;

namespace Strive.Web.Tests.Fuzz;

/// <summary>Malformed requests to /oauth/*: every answer is a 4xx (or an error redirect), never a 5xx.</summary>
public sealed class OAuthFuzzTests(FuzzAppFactory app) : IClassFixture<FuzzAppFactory>
{
    private static readonly string[] RegisterBodies =
    [
        "", "{", "null", "[]", "{}", """{"redirect_uris": "x"}""", """{"redirect_uris": []}""", """{"redirect_uris": [5]}""",
        """{"redirect_uris": ["javascript:alert(1)"]}""", """{"redirect_uris": ["http://evil.example/cb"]}""",
        """{"redirect_uris": ["https://a.example/cb#frag"]}""", """{"redirect_uris": ["https://a.example/cb"], "scope": 5}""",
        """{"redirect_uris": ["https://a.example/cb"], "scope": "root"}""", """{"redirect_uris": ["https://a.example/cb"], "grant_types": ["password"]}""",
        """{"redirect_uris": ["https://a.example/cb"], "token_endpoint_auth_method": "private_key_jwt"}""",
        """{"redirect_uris": ["https://a.example/cb"], "client_name": {"a": 1}}""", "{\"redirect_uris\": [\"\\ud800\"]}",
        "{\"redirect_uris\": [\"https://a.example/" + new string('a', 5000) + "\"]}",
    ];

    private static readonly string[] Queries =
    [
        "", "?response_type=code", "?client_id=nope&response_type=code&redirect_uri=https://a.example/cb",
        "?response_type=token&client_id=x", "?client_id=%00&redirect_uri=%ff", "?scope=" + new string('s', 5000),
        "?response_type=code&client_id=x&code_challenge_method=plain&code_challenge=abc",
    ];

    private static readonly string[] TokenForms =
    [
        "", "grant_type=password&username=a&password=b", "grant_type=authorization_code&code=nope&client_id=x",
        "grant_type=refresh_token&refresh_token=nope", "grant_type=client_credentials", "%%%", "grant_type=" + new string('x', 5000),
    ];

    [Fact]
    public async Task MalformedOAuthRequests_AreRefusedWith4xx_Never5xx()
    {
        var http = app.CreateClientWithKey(null);
        foreach (var body in RegisterBodies)
        {
            await AssertNot5xxAsync(await http.PostJsonAsync("/oauth/register", body), "register " + body);
        }

        foreach (var query in Queries)
        {
            await AssertNot5xxAsync(await http.GetAsync("/oauth/authorize" + query), "authorize " + query);
            await AssertNot5xxAsync(await http.PostAsync(new Uri("/oauth/authorize" + query, UriKind.Relative),
                new StringContent("decision=allow", Encoding.UTF8, "application/x-www-form-urlencoded")), "authorize POST " + query);
            await AssertNot5xxAsync(await http.GetAsync("/oauth/consent" + query), "consent " + query);
        }

        foreach (var form in TokenForms)
        {
            foreach (var path in new[] { "/oauth/token", "/oauth/revoke" })
            {
                await AssertNot5xxAsync(await http.PostAsync(new Uri(path, UriKind.Relative),
                    new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded")), path + " " + form);
            }
        }

        await AssertNot5xxAsync(await http.GetAsync("/oauth/token"), "GET token");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/.well-known/oauth-authorization-server")).StatusCode);
    }

    private static async Task AssertNot5xxAsync(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {(what.Length > 200 ? what[..200] : what)}: {(text.Length > 300 ? text[..300] : text)}");
    }
}
