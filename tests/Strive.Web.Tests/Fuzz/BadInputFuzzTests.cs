using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Strive.Web.Tests.Api;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.Fuzz;

/// <summary>A rate limit no fuzz run reaches, so every answer is the endpoint's own.</summary>
public sealed class FuzzAppFactory : StriveAppFactory
{
    protected override IDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Api:RateLimit:PermitsPerMinute"] = "100000" };
}

/// <summary>
/// Seeded random bad input (issue 10) over every string field of every write endpoint under /api/v1 and over
/// the account forms: each answer is a 4xx (JSON under /api/v1), never a 5xx, and /status is ok afterwards.
/// The seed is fixed, so a failure names a case that fails again the same way.
/// </summary>
public sealed class BadInputFuzzTests(FuzzAppFactory app) : IClassFixture<FuzzAppFactory>
{
    private const int Seed = 20261110;

    private string _postId = "";

    /// <summary>Bad values for a string field, as raw JSON bytes (not always a string).</summary>
    internal static readonly byte[][] AlwaysBad =
    [
        .. new[]
        {
            "\"\\ud800\"", "\"a\\udfffb\"", "\"\\udc00\\ud800\"", "\"\\u0000\"", "\"x\\u001b[2Jy\"", "\"\\u0007\\u0008\"",
            "\"ok\\u007f\"", "\"\\u0085\"", "123", "-1.5e308", "true", "false", "[]", "[\"a\"]", "{}",
            "{\"a\": [[[{\"b\": {}}]]]}", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
            "\"" + new string('a', 20_000) + "\"", "\"" + string.Concat(Enumerable.Repeat("\\ud83d\\ude00", 6000)) + "\"",
            "\"" + new string('x', 70_000) + "\"", "NaN", "\"unterminated", "'single'", "01", "\"a\" \"b\"",
        }.Select(Encoding.UTF8.GetBytes),
        [0x22, 0xff, 0xfe, 0x22], [0x22, 0xc0, 0xaf, 0x22], [0x22, 0xed, 0xa0, 0x80, 0x22], [0x22, 0xe2, 0x82, 0x22],
        [0x22, 0x61, 0xf8, 0x88, 0x80, 0x80, 0x80, 0x22],
    ];

    /// <summary>Bad only where text is required: blank or invisible (an optional field takes it as empty).</summary>
    internal static readonly byte[][] BlankText =
        [.. new[] { "\"\"", "\"   \"", "\"\\u200b\"", "\"\\u200c\\u200d\\u2060\"", "\"\\ufeff\"", "\" \\t\\n\\u3164\"" }
            .Select(Encoding.UTF8.GetBytes)];

    /// <summary>Every string field: method, path, body with @ for the value, whether blank text is bad there.</summary>
    internal static readonly (string Method, string Path, string Template, bool Required)[] Fields =
    [
        ("POST", "/goals", """{"title": @}""", true),
        ("POST", "/goals", """{"title": "t", "description": @}""", false),
        ("POST", "/goals", """{"title": "t", "deadline": @}""", true),
        ("POST", "/goals", """{"title": "t", "publicity": @}""", true),
        ("PATCH", "/goals/{goal}", """{"title": @}""", true),
        ("PATCH", "/goals/{goal}", """{"description": @}""", false),
        ("PATCH", "/goals/{goal}", """{"deadline": @}""", true),
        ("PATCH", "/goals/{goal}", """{"status": @}""", true),
        ("PATCH", "/goals/{goal}", """{"publicity": @}""", true),
        ("POST", "/goals/{goal}/milestones", """{"content": @}""", true),
        ("POST", "/goals/{goal}/milestones", """{"content": "c", "description": @}""", false),
        ("POST", "/goals/{goal}/milestones", """{"content": "c", "deadline": @}""", true),
        ("POST", "/goals/{goal}/milestones", """{"content": "c", "subtasks": [{"content": @}]}""", true),
        ("PATCH", "/goals/{goal}/milestones/{milestone}", """{"content": @}""", true),
        ("PATCH", "/goals/{goal}/milestones/{milestone}", """{"description": @}""", false),
        ("PATCH", "/goals/{goal}/milestones/{milestone}", """{"deadline": @}""", true),
        ("PATCH", "/goals/{goal}/milestones/{milestone}", """{"status": @}""", true),
        ("PATCH", "/goals/{goal}/milestones/{milestone}", """{"subtasks": [{"content": @, "completed": true}]}""", true),
        ("PUT", "/goals/{goal}/milestones/order", """{"ids": ["{milestone}", @]}""", true),
        ("PUT", "/goals/{goal}/milestones/order", """{"ids": @}""", true),
        ("POST", "/goals/{goal}/reminders", """{"description": @, "at": "2030-01-01T10:00:00Z"}""", true),
        ("POST", "/goals/{goal}/reminders", """{"description": "d", "at": @}""", true),
        ("POST", "/goals/{goal}/reminders", """{"description": "d", "at": "2030-01-01", "interval": @}""", true),
        ("POST", "/goals/{goal}/reminders", """{"description": "d", "at": "2030-01-01", "timeZone": @}""", true),
        ("POST", "/goals/{goal}/posts", """{"description": @}""", true),
        ("POST", "/goals/{goal}/posts", """{"description": "d", "date": @}""", true),
        ("POST", "/goals/{goal}/posts", """{"description": "d", "url": @}""", false),
        ("POST", "/goals/{goal}/posts", """{"description": "d", "milestoneId": @}""", false),
        ("POST", "/goals/{goal}/posts", """{"description": "d", "source": @, "externalId": "e"}""", true),
        ("POST", "/goals/{goal}/posts", """{"description": "d", "source": "s", "externalId": @}""", true),
        ("PATCH", "/goals/{goal}/posts/{post}", """{"description": @}""", true),
        ("PATCH", "/goals/{goal}/posts/{post}", """{"date": @}""", true),
        ("PATCH", "/goals/{goal}/posts/{post}", """{"url": @}""", false),
        ("PATCH", "/goals/{goal}/posts/{post}", """{"milestoneId": @}""", false),
        ("POST", "/api-keys", """{"name": @, "scopes": ["goals:read"]}""", true),
        ("POST", "/api-keys", """{"name": "n", "scopes": ["goals:read", @]}""", true),
        ("POST", "/api-keys", """{"name": "n", "scopes": @}""", true),
        ("POST", "/api-keys", """{"name": "n", "scopes": ["goals:read"], "expiresAt": @}""", true),
    ];

    /// <summary>Whole bodies that are not a request at all.</summary>
    private static readonly byte[][] BadBodies =
    [
        [], [0xef, 0xbb, 0xbf], "null"u8.ToArray(), "[]"u8.ToArray(), "\"x\""u8.ToArray(), "{"u8.ToArray(),
        "{\"title\": \"t\",}"u8.ToArray(), "{\"title\" \"t\"}"u8.ToArray(), [0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00],
        Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)),
        Encoding.UTF8.GetBytes("{\"a\":" + new string('x', 80_000) + "}"),
    ];

    private static readonly string[] ContentTypes =
        ["application/json", "application/json; charset=utf-8", "application/json; charset=latin1", "text/plain",
         "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=\u00ff"];

    [Fact]
    public async Task BadInput_IsAlwaysA4xx_NeverA5xx()
    {
        var random = new Random(Seed);
        var caller = await app.CreateCallerAsync();
        var goalId = await caller.CreateGoalAsync();
        var milestoneId = await caller.CreateMilestoneIdAsync(goalId, "m");
        _postId = (await (await caller.Client.PostJsonAsync($"/api/v1/goals/{goalId}/posts", """{"description": "p"}"""))
            .DataAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var failures = new List<string>();
        var sent = 0;

        foreach (var field in Fields)
        {
            var path = "/api/v1" + Fill(field.Path, goalId, milestoneId, _postId);
            var values = field.Required ? AlwaysBad.Concat(BlankText) : AlwaysBad;
            foreach (var value in values)
            {
                var body = Body(Fill(field.Template, goalId, milestoneId, _postId), value);
                var response = await SendAsync(caller.Client, field.Method, path, body, OddHeaders(random));
                await CheckApiAsync(response, $"{field.Method} {path} {field.Template} <- {Show(value)}", failures);
                sent++;
            }
        }

        foreach (var (method, path) in WriteRoutes(goalId, milestoneId))
        {
            foreach (var body in BadBodies)
            {
                var response = await SendAsync(caller.Client, method, path, body, OddHeaders(random),
                    ContentTypes[random.Next(ContentTypes.Length)]);
                await CheckApiAsync(response, $"{method} {path} body <- {Show(body)}", failures);
                sent++;
            }
        }

        sent += await FuzzAccountFormsAsync(random, failures);

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} answers were wrong:\n" + string.Join("\n", failures.Take(40)));
        Assert.True(sent >= 500, $"only {sent} inputs");
        using var status = await app.CreateClient().GetAsync(new Uri("/status", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Contains("\"ok\"", await status.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Delete, restore and export a goal (issue 27): odd goal ids, odd If-Match and other headers, and bodies
    /// nobody asked for, on a live goal and on a deleted one. Each answer is a JSON 4xx; the goal is deleted only
    /// by the one well-formed request at the end, and the browser's downloads never answer a 5xx either.
    /// </summary>
    [Fact]
    public async Task GoalLifecycle_BadIdsHeadersAndBodies_AreAlwaysA4xx_NeverA5xx()
    {
        var random = new Random(Seed);
        var caller = await app.CreateCallerAsync();
        var goalId = await caller.CreateGoalAsync();
        string[] ids = [goalId + "x", "%01", "%ED%A0%80", "..%2F..", new string('a', 3000), "%F0%9F%98%80", "null", " "];
        string[] ifMatch = ["\"junk", "W/\"x\"", "\"" + Guid.NewGuid().ToString("N") + "\"", ",,,", "\"a\", junk", "*x"];
        var failures = new List<string>();
        var sent = 0;
        foreach (var deleted in new[] { false, true })
        {
            foreach (var id in ids.Append(goalId))
            {
                foreach (var (method, suffix) in new[] { ("DELETE", ""), ("POST", "/restore"), ("GET", "/export") })
                {
                    var headers = OddHeaders(random);
                    // Writes always carry a bad or stale If-Match, so none of them may succeed.
                    if (method != "GET")
                    {
                        headers.RemoveAll(h => h.Name == "If-Match");
                        headers.Add(("If-Match", ifMatch[random.Next(ifMatch.Length)]));
                    }

                    var body = BadBodies[random.Next(BadBodies.Length)];
                    var path = $"/api/v1/goals/{id}{suffix}";
                    var response = await SendAsync(caller.Client, method, path, body, headers);
                    var live = id == goalId && !deleted && method == "GET";
                    if (!live || response.StatusCode != HttpStatusCode.OK)
                    {
                        await CheckApiAsync(response, $"{method} {path} deleted={deleted} {string.Join(";", headers)}", failures);
                    }

                    sent++;
                }
            }

            if (!deleted)
            {
                await (await caller.Client.DeleteAsync($"/api/v1/goals/{goalId}")).DataAsync();
            }
        }

        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var id in ids)
        {
            var response = await anonymous.GetAsync(new Uri($"/download/goals/{id}/export.json", UriKind.Relative));
            CheckPage(response, $"GET /download/goals/{id}/export.json", failures, allowSuccess: true);
            sent++;
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} answers were wrong:\n" + string.Join("\n", failures.Take(40)));
    }

    /// <summary>Login, register and logout posts, with bad fields, bad tokens and bad return URLs.</summary>
    private async Task<int> FuzzAccountFormsAsync(Random random, List<string> failures)
    {
        string[] badText =
        [
            "\ud800", "a\udfffb", "\u0000", "\u001b[2J", "\u200b", "", new string('a', 20_000), "\U0001F600@x.test",
            "<script>alert(1)</script>", "' OR 1=1 --", "%00", "a@b", "\r\nSet-Cookie: x=1",
        ];
        string[] returnUrls =
        [
            "//evil.example", "https://evil.example", "/\\evil.example", "\\evil.example", "javascript:alert(1)",
            "%2F%2Fevil.example", "\ud800", "/goals\u0000", "/\u00e9", "//", "/evil.example", "http:",
        ];
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var sent = 0;
        foreach (var (path, form, fields) in new[]
                 {
                     ("/Account/Login", "login", new[] { "Input.Email", "Input.Password" }),
                     ("/Account/Register", "register", new[] { "Input.Email", "Input.DisplayName", "Input.Password", "Input.ConfirmPassword" }),
                 })
        {
            for (var i = 0; i < 40; i++)
            {
                var values = fields.ToDictionary(f => f, _ => badText[random.Next(badText.Length)]);
                var returnUrl = returnUrls[random.Next(returnUrls.Length)];
                var url = $"{path}?ReturnUrl={Uri.EscapeDataString(returnUrl.Replace('\ud800', '?'))}";
                var response = random.Next(4) == 0
                    ? await PostRawFormAsync(browser, url, values, withToken: false)
                    : await AccountForms.PostFormAsync(browser, url, form, values);
                CheckPage(response, $"POST {url} {string.Join(", ", values.Values.Select(v => Show(Encoding.UTF8.GetBytes(v))))}", failures,
                    allowSuccess: true);
                sent++;
            }
        }

        foreach (var returnUrl in returnUrls.Concat(badText))
        {
            var withToken = random.Next(2) == 0;
            var response = await PostRawFormAsync(browser, "/Account/Logout",
                new Dictionary<string, string> { ["returnUrl"] = returnUrl }, withToken);
            CheckPage(response, $"POST /Account/Logout returnUrl={Show(Encoding.UTF8.GetBytes(returnUrl))} token={withToken}",
                failures, allowSuccess: withToken);
            sent++;
        }

        return sent;
    }

    private static async Task<HttpResponseMessage> PostRawFormAsync(HttpClient browser, string path,
        IDictionary<string, string> values, bool withToken)
    {
        var form = new Dictionary<string, string>(values);
        if (withToken)
        {
            var page = await browser.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
            var match = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"");
            form["__RequestVerificationToken"] = WebUtility.HtmlDecode(match.Groups[1].Value);
        }

        // Escaped by hand: FormUrlEncodedContent refuses lone surrogates, which browsers can still send as bytes.
        var body = string.Join("&", form.Select(p => $"{Escape(p.Key)}={Escape(p.Value)}"));
        using var content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded");
        return await browser.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => char.IsSurrogate(c) ? "%ED%A0%80" : Uri.EscapeDataString(c.ToString())));

    private (string Method, string Path)[] WriteRoutes(string goalId, string milestoneId) =>
    [
        ("POST", "/api/v1/goals"), ("PATCH", $"/api/v1/goals/{goalId}"), ("POST", $"/api/v1/goals/{goalId}/milestones"),
        ("PATCH", $"/api/v1/goals/{goalId}/milestones/{milestoneId}"), ("PUT", $"/api/v1/goals/{goalId}/milestones/order"),
        ("POST", "/api/v1/api-keys"), ("POST", $"/api/v1/goals/{goalId}/reminders"), ("POST", $"/api/v1/goals/{goalId}/posts"),
        ("PATCH", $"/api/v1/goals/{goalId}/posts/{_postId}"), ("POST", $"/api/v1/goals/{goalId}/posts/{_postId}/media"),
    ];

    /// <summary>Headers a careless or hostile client sends; none of them may turn a 400 into a 500.</summary>
    private static List<(string Name, string Value)> OddHeaders(Random random)
    {
        (string, string)[] odd =
        [
            ("Accept", "text/html"), ("Accept", "*/*;q=abc"), ("Accept-Charset", "latin1"), ("If-Match", "\"junk"),
            ("If-None-Match", "*, \"x\""), ("Idempotency-Key", new string('k', 300)), ("Idempotency-Key", "\u00e9\u00e8"),
            ("X-Forwarded-Proto", "gopher"), ("X-Forwarded-For", "not-an-ip, ::::"), ("Cookie", "a=\u00ff; ;;="),
            ("Accept-Language", "xx-ZZZZZZZZZZ;q=2"), ("Content-Encoding", "gzip"), ("Origin", "null"),
        ];
        return [.. Enumerable.Range(0, random.Next(3)).Select(_ => odd[random.Next(odd.Length)])];
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, byte[] body,
        List<(string Name, string Value)> headers, string contentType = "application/json")
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)) { Content = content };
        foreach (var (name, value) in headers)
        {
            if (name.StartsWith("Content-", StringComparison.Ordinal))
            {
                content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return await client.SendAsync(request);
    }

    private static async Task CheckApiAsync(HttpResponseMessage response, string what, List<string> failures)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (status is < 400 or >= 500)
        {
            failures.Add($"{status} for {what}: {Shorten(text)}");
        }
        else if (response.Content.Headers.ContentType?.MediaType != "application/json"
                 || !text.Contains("\"error\"", StringComparison.Ordinal))
        {
            failures.Add($"{status} not JSON for {what}: {Shorten(text)}");
        }
    }

    /// <summary>Account forms: a bad form re-renders (200) or redirects, a bad token is a 4xx; never a 5xx.</summary>
    private static void CheckPage(HttpResponseMessage response, string what, List<string> failures, bool allowSuccess)
    {
        var status = (int)response.StatusCode;
        var ok = status is >= 400 and < 500 || (allowSuccess && status is >= 200 and < 400);
        if (!ok)
        {
            failures.Add($"{status} for {what}");
        }

        if (response.Headers.Location is { } location
            && new Uri(new Uri("http://localhost/"), location).Host != "localhost")
        {
            failures.Add($"off-site redirect to {location} for {what}");
        }
    }

    internal static string Fill(string text, string goalId, string milestoneId, string postId = "") =>
        text.Replace("{goal}", goalId, StringComparison.Ordinal).Replace("{milestone}", milestoneId, StringComparison.Ordinal)
            .Replace("{post}", postId, StringComparison.Ordinal);

    internal static byte[] Body(string template, byte[] value)
    {
        var at = template.IndexOf('@', StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(template[..at]), .. value, .. Encoding.UTF8.GetBytes(template[(at + 1)..])];
    }

    private static string Show(byte[] bytes) =>
        Shorten(string.Concat(bytes.Take(60).Select(b => b is >= 0x20 and < 0x7f ? ((char)b).ToString() : $"\\x{b:x2}")));

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "…" : text;
}
