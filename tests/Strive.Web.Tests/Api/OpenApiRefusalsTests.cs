using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Strive.Domain.Goals;
using Strive.Web.Tests.Fuzz;

namespace Strive.Web.Tests.Api;

/// <summary>
/// Every refusal an endpoint answers appears in its own operation of /openapi/v1.json, under its status, as an
/// example with that very message. The refusals are provoked, not listed: the fuzz test's bad values on every
/// field of every write, plus what the services refuse (unknown ids, missing roles and scopes, a stale tag,
/// text over its limit, nothing to change). The document is read as a client reads it, so a refusal an
/// endpoint forgot to declare with ProducesErrors fails here.
/// </summary>
public sealed partial class OpenApiRefusalsTests(FuzzAppFactory app) : IClassFixture<FuzzAppFactory>
{
    [Fact]
    public async Task EveryRefusalAnEndpointAnswers_IsAnExampleInItsOperation()
    {
        var document = JsonNode.Parse(await app.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var milestoneId = await owner.CreateMilestoneIdAsync(goalId, "m");
        var postId = (await (await owner.Client.PostJsonAsync($"/api/v1/goals/{goalId}/posts", """{"description": "p"}"""))
            .DataAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var observed = new HashSet<(string Method, string Path, int Status, string Error)>();

        foreach (var (method, path, body, client) in await CasesAsync(owner, goalId, milestoneId, postId))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
            }

            if (path.EndsWith("#stale", StringComparison.Ordinal))
            {
                request.RequestUri = new Uri(path[..^6], UriKind.Relative);
                request.Headers.TryAddWithoutValidation("If-Match", "\"00000000000000000000000000000000\"");
            }

            var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            if (status is >= 400 and < 500)
            {
                var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>();
                observed.Add((method, request.RequestUri!.IsAbsoluteUri ? request.RequestUri.AbsolutePath : request.RequestUri.OriginalString, status, error));
            }
        }

        var missing = observed.Select(o => (o, operation: Operation(document, o.Method, o.Path)))
            .Where(x => !Documents(x.operation, x.o.Status, x.o.Error))
            .Select(x => $"{x.o.Method} {Template(document, x.o.Path)} {x.o.Status} \"{x.o.Error}\"")
            .Distinct().Order().ToList();

        Assert.True(observed.Count >= 40, $"only {observed.Count} distinct refusals were provoked");
        Assert.True(missing.Count == 0, "refusals not in their operation:\n" + string.Join("\n", missing));
    }

    private async Task<List<(string Method, string Path, byte[]? Body, HttpClient Client)>> CasesAsync(
        ApiCaller owner, string goalId, string milestoneId, string postId)
    {
        var cases = new List<(string, string, byte[]?, HttpClient)>();
        foreach (var field in BadInputFuzzTests.Fields)
        {
            var path = "/api/v1" + BadInputFuzzTests.Fill(field.Path, goalId, milestoneId, postId);
            foreach (var value in field.Required ? BadInputFuzzTests.AlwaysBad.Concat(BadInputFuzzTests.BlankText) : BadInputFuzzTests.AlwaysBad)
            {
                cases.Add((field.Method, path, BadInputFuzzTests.Body(BadInputFuzzTests.Fill(field.Template, goalId, milestoneId, postId), value), owner.Client));
            }
        }

        var goal = $"/api/v1/goals/{goalId}";
        var milestone = $"{goal}/milestones/{milestoneId}";
        string[] milestoneBodies =
        [
            "{}", """{"content": "x"}""", """{"order": -1}""", """{"status": "maybe"}""",
            $$"""{"content": "{{new string('c', 501)}}"}""", $$"""{"description": "{{new string('d', 5001)}}"}""",
            $$"""{"subtasks": [{{string.Join(",", Enumerable.Repeat("""{"content": "s", "completed": false}""", 101))}}]}""",
            """{"subtasks": [{"content": " ", "completed": false}]}""", """{"subtasks": [{"content": "a\u0007", "completed": false}]}""",
            """{"content": "a\u0007"}""", """{"description": "a\u0007"}""", """{"deadline": "yesterday"}""",
        ];
        foreach (var body in milestoneBodies)
        {
            cases.Add(("PATCH", milestone, Encoding.UTF8.GetBytes(body), owner.Client));
            cases.Add(("POST", $"{goal}/milestones", Encoding.UTF8.GetBytes(body), owner.Client));
        }

        cases.Add(("PATCH", milestone + "#stale", """{"content": "x"}"""u8.ToArray(), owner.Client));
        cases.Add(("PATCH", $"{goal}#stale", """{"title": "x"}"""u8.ToArray(), owner.Client));
        cases.Add(("DELETE", milestone + "#stale", null, owner.Client));
        cases.Add(("PATCH", $"{goal}/milestones/unknown", """{"content": "x"}"""u8.ToArray(), owner.Client));
        cases.Add(("PATCH", "/api/v1/goals/unknown/milestones/unknown", """{"content": "x"}"""u8.ToArray(), owner.Client));
        cases.Add(("PUT", $"{goal}/milestones/order", """{"ids": ["unknown"]}"""u8.ToArray(), owner.Client));

        // A supporter may read but not change; a stranger is no stakeholder; a read-only key lacks the scope.
        var supporter = await app.CreateCallerAsync();
        await app.JoinAsync(supporter, goalId, StakeholderRoles.Supporter);
        var stranger = await app.CreateCallerAsync();
        var readOnly = await app.CreateCallerAsync(["goals:read", "milestones:read"]);
        foreach (var caller in new[] { supporter.Client, stranger.Client, readOnly.Client })
        {
            cases.Add(("PATCH", milestone, """{"content": "x"}"""u8.ToArray(), caller));
            cases.Add(("POST", $"{goal}/milestones", """{"content": "x"}"""u8.ToArray(), caller));
            cases.Add(("DELETE", milestone, null, caller));
            cases.Add(("PUT", $"{goal}/milestones/order", Encoding.UTF8.GetBytes($$"""{"ids": ["{{milestoneId}}"]}"""), caller));
            cases.Add(("PATCH", goal, """{"title": "x"}"""u8.ToArray(), caller));
            cases.Add(("GET", milestone, null, caller));
        }

        return cases;
    }

    private static JsonObject? Operation(JsonNode document, string method, string path) =>
        document["paths"]![Template(document, path)]?[method.ToLowerInvariant()]?.AsObject();

    /// <summary>The document's path template that <paramref name="path"/> is an instance of.</summary>
    private static string Template(JsonNode document, string path) =>
        document["paths"]!.AsObject().Select(p => p.Key)
            .Where(t => Regex.IsMatch(path, "^" + Parameter().Replace(t, "[^/]+") + "$"))
            .OrderBy(t => t.Count(c => c == '{'))
            .FirstOrDefault() ?? path;

    private static bool Documents(JsonObject? operation, int status, string error)
    {
        if (operation?["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"]?["application/json"] is not { } media)
        {
            return false;
        }

        var examples = media["example"] is { } one ? [one]
            : media["examples"] is JsonObject many ? many.Select(e => e.Value?["value"]).ToList() : [];
        return examples.Any(e => e?["error"]?.GetValue<string>() is { } documented && Same(documented, error));
    }

    /// <summary>Equal, or the same message about another value ("Unknown scope: x" documents "Unknown scope: y").</summary>
    private static bool Same(string documented, string answered) =>
        documented == answered || (documented.Contains(": ", StringComparison.Ordinal)
            && answered.StartsWith(documented[..(documented.LastIndexOf(": ", StringComparison.Ordinal) + 2)], StringComparison.Ordinal));

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
