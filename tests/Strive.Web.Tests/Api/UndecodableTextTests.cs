using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Strive.Web.Api;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.Api;

/// <summary>
/// docs/api/API.md "Basics", Text: a string that is not valid Unicode (an unpaired surrogate escape, or
/// bytes that are not UTF-8) is a 400 naming the field, on every write endpoint and every string field;
/// never the 500 that JsonElement.GetString's exception used to make.
/// </summary>
public sealed class UndecodableTextTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    /// <summary>What goes between the quotes of a JSON string: escapes as written, or raw bytes.</summary>
    private static readonly IReadOnlyList<(string Name, byte[] Bytes)> BadText =
    [
        ("lone high escape", Encoding.ASCII.GetBytes(@"\ud800")),
        ("lone low escape", Encoding.ASCII.GetBytes(@"\udc00")),
        ("low then high escape", Encoding.ASCII.GetBytes(@"\udc00\ud800")),
        ("high escape then text", Encoding.ASCII.GetBytes(@"a\ud800b")),
        ("high escape then escaped non-surrogate", Encoding.ASCII.GetBytes(@"\ud800\u0041")),
        ("bytes ff fe", [0xff, 0xfe]),
        ("overlong c0 af", [0xc0, 0xaf]),
        ("truncated e2 82", [0xe2, 0x82]),
        ("encoded surrogate ed a0 80", [0xed, 0xa0, 0x80]),
        ("ff after good text", [(byte)'o', (byte)'k', 0xff]),
    ];

    /// <summary>
    /// Every string in every write body: the endpoint, a body with <c>@</c> where the bad string goes, and
    /// the field the error names. Array items name their array.
    /// </summary>
    public static TheoryData<string, string, string, string> Fields => new()
    {
        { "POST", "/goals", """{"title": @}""", "title" },
        { "POST", "/goals", """{"title": "t", "description": @}""", "description" },
        { "POST", "/goals", """{"title": "t", "deadline": @}""", "deadline" },
        { "POST", "/goals", """{"title": "t", "publicity": @}""", "publicity" },
        { "PATCH", "/goals/{goal}", """{"title": @}""", "title" },
        { "PATCH", "/goals/{goal}", """{"description": @}""", "description" },
        { "PATCH", "/goals/{goal}", """{"deadline": @}""", "deadline" },
        { "PATCH", "/goals/{goal}", """{"status": @}""", "status" },
        { "PATCH", "/goals/{goal}", """{"publicity": @}""", "publicity" },
        { "POST", "/goals/{goal}/milestones", """{"content": @}""", "content" },
        { "POST", "/goals/{goal}/milestones", """{"content": "c", "description": @}""", "description" },
        { "POST", "/goals/{goal}/milestones", """{"content": "c", "deadline": @}""", "deadline" },
        { "POST", "/goals/{goal}/milestones", """{"content": "c", "subtasks": [{"content": "ok"}, {"content": @}]}""", "subtasks" },
        { "PATCH", "/goals/{goal}/milestones/{milestone}", """{"content": @}""", "content" },
        { "PATCH", "/goals/{goal}/milestones/{milestone}", """{"description": @}""", "description" },
        { "PATCH", "/goals/{goal}/milestones/{milestone}", """{"deadline": @}""", "deadline" },
        { "PATCH", "/goals/{goal}/milestones/{milestone}", """{"status": @}""", "status" },
        { "PATCH", "/goals/{goal}/milestones/{milestone}", """{"subtasks": [{"content": @, "completed": true}]}""", "subtasks" },
        { "PUT", "/goals/{goal}/milestones/order", """{"ids": ["{milestone}", @]}""", "ids" },
        { "POST", "/api-keys", """{"name": @, "scopes": ["goals:read"]}""", "name" },
        { "POST", "/api-keys", """{"name": "n", "scopes": ["goals:read", @]}""", "scopes" },
        { "POST", "/api-keys", """{"name": "n", "scopes": ["goals:read"], "expiresAt": @}""", "expiresAt" },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task UndecodableText_Returns400NamingTheField(string method, string path, string template, string field)
    {
        var caller = await app.CreateCallerAsync();
        var goalId = await caller.CreateGoalAsync();
        var milestoneId = await caller.CreateMilestoneIdAsync(goalId, "m");
        path = "/api/v1" + path.Replace("{goal}", goalId, StringComparison.Ordinal)
            .Replace("{milestone}", milestoneId, StringComparison.Ordinal);
        template = template.Replace("{milestone}", milestoneId, StringComparison.Ordinal);

        foreach (var (name, bytes) in BadText)
        {
            var response = await SendBytesAsync(caller.Client, method, path, Body(template, bytes));

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest,
                $"{method} {path} {field} with {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await response.AssertErrorAsync(HttpStatusCode.BadRequest, $"{field} must be valid UTF-8 text");
        }

        // Nothing was written on the way: the goal still has its one milestone, and no key was made.
        var milestones = await (await caller.Client.GetAsync($"/api/v1/goals/{goalId}/milestones")).DataAsync();
        Assert.Equal(1, milestones.GetArrayLength());
        var keys = await (await caller.Client.GetAsync("/api/v1/api-keys")).DataAsync();
        Assert.Equal(1, keys.GetArrayLength());
    }

    [Theory]
    [InlineData(@"\ud83d\ude00", "\U0001F600")]
    [InlineData("\U0001F600", "\U0001F600")]
    [InlineData(@"caf\u00e9 \u2603", "café ☃")]
    [InlineData(@"\\ud800 is how you write it", @"\ud800 is how you write it")]
    public async Task PairedSurrogatesAndOtherUnicode_AreKept(string written, string stored)
    {
        var caller = await app.CreateCallerAsync();
        var goalId = await caller.CreateGoalAsync();

        var milestone = await caller.CreateMilestoneAsync(goalId,
            $$"""{"content": "{{written}}", "subtasks": [{"content": "{{written}}"}]}""");

        Assert.Equal(stored, milestone.GetProperty("content").GetString());
        Assert.Equal(stored, milestone.GetProperty("subtasks")[0].GetProperty("content").GetString());
    }

    [Theory]
    [InlineData(new byte[] { 0xff, 0xfe })]
    [InlineData(new byte[] { 0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00 })]
    [InlineData(new byte[] { 0xc0, 0xaf })]
    [InlineData(new byte[] { 0x7b, 0x22, 0x63, 0x22, 0x3a, 0x31, 0x7d, 0xe2, 0x82 })]
    [InlineData(new byte[] { 0x7b, 0xed, 0xa0, 0x80, 0x7d })]
    public async Task MalformedUtf8OutsideStrings_Returns400Json(byte[] body)
    {
        var caller = await app.CreateCallerAsync();
        var goalId = await caller.CreateGoalAsync();

        var response = await SendBytesAsync(caller.Client, "POST", $"/api/v1/goals/{goalId}/milestones", body);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "Request body must be valid JSON");
    }

    [Fact]
    public async Task UndecodableNameOfAnUnknownField_IsIgnoredLikeAnyUnknownField()
    {
        var caller = await app.CreateCallerAsync();
        var goalId = await caller.CreateGoalAsync();
        byte[] body = [.. "{\"con"u8, 0xff, .. "tent\": \"x\", \"\\ud800\": 1, \"content\": \"kept\"}"u8];

        var response = await SendBytesAsync(caller.Client, "POST", $"/api/v1/goals/{goalId}/milestones", body);

        var milestone = await response.DataAsync(HttpStatusCode.Created);
        Assert.Equal("kept", milestone.GetProperty("content").GetString());
    }

    /// <summary>JsonFields.TryGetText directly, for the cases the HTTP table does not spell out.</summary>
    [Theory]
    [InlineData(@"""\ud800\udc00""", true)]
    [InlineData(@"""\uD800\uDC00""", true)]
    [InlineData(@"""\ud800\ud800""", false)]
    [InlineData(@"""\ud800\""""", false)]
    [InlineData(@"""\ud800""", false)]
    [InlineData(@"""x\udfff""", false)]
    [InlineData(@"""\u0000\n\t""", true)]
    [InlineData(@"""""", true)]
    public void TryGetText_RefusesOnlyUndecodableStrings(string json, bool decodes)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(decodes, JsonFields.TryGetText(document.RootElement, out var text));
        Assert.Equal(decodes, text is not null);
    }

    private static byte[] Body(string template, byte[] text)
    {
        var at = template.IndexOf('@', StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(template[..at]), (byte)'"', .. text, (byte)'"',
            .. Encoding.UTF8.GetBytes(template[(at + 1)..])];
    }

    private static Task<HttpResponseMessage> SendBytesAsync(HttpClient client, string method, string path, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return client.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
        {
            Content = content,
        });
    }
}
