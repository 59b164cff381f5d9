using System.Net;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.Api;

/// <summary>
/// docs/api/API.md "Basics", Text, over HTTP: control characters are a 400 naming the field, blank or
/// invisible-only text is empty, and limits count characters as a person does, stored whole.
/// </summary>
public sealed class TextRulesApiTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    /// <summary>Each limited string field: endpoint, body with <c>@</c> for the JSON string, and the control-character message.</summary>
    public static TheoryData<string, string, string, string> Fields => new()
    {
        { "POST", "/goals", """{"title": @}""", "title must not contain control characters" },
        { "POST", "/goals", """{"title": "t", "description": @}""", "description must not contain control characters" },
        { "PATCH", "/goals/{goal}", """{"title": @}""", "title must not contain control characters" },
        { "POST", "/goals/{goal}/milestones", """{"content": @}""", "content must not contain control characters" },
        { "POST", "/goals/{goal}/milestones", """{"content": "c", "description": @}""", "description must not contain control characters" },
        { "POST", "/goals/{goal}/milestones", """{"content": "c", "subtasks": [{"content": @}]}""", "subtasks[].content must not contain control characters" },
        { "PATCH", "/goals/{goal}/milestones/{milestone}", """{"content": @}""", "content must not contain control characters" },
        { "PATCH", "/goals/{goal}/milestones/{milestone}", """{"description": @}""", "description must not contain control characters" },
        { "POST", "/api-keys", """{"name": @, "scopes": ["goals:read"]}""", "Name must not contain control characters" },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task ControlCharacters_Return400NamingTheField(string method, string path, string template, string error)
    {
        var (caller, url, _) = await SeedAsync(path);

        foreach (var text in new[] { @"a\u0000b", @"\u0007", @"esc\u001b[2J", @"\u007f", @"\u0085", @"x\b" })
        {
            var response = await caller.Client.SendJsonAsync(new HttpMethod(method), url, Body(template, text));

            await response.AssertErrorAsync(HttpStatusCode.BadRequest, error);
        }
    }

    [Theory]
    [InlineData(@"\u200b")]
    [InlineData(@"\u200c\u200d\u2060")]
    [InlineData(@"\ufeff")]
    [InlineData(@" \t\n ")]
    [InlineData(@"\u3164\u00a0")]
    public async Task InvisibleOnly_RequiredFieldsAnswerRequired(string text)
    {
        var (caller, milestonesUrl, goalId) = await SeedAsync("/goals/{goal}/milestones");

        await (await caller.Client.PostJsonAsync("/api/v1/goals", $$"""{"title": "{{text}}"}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "title is required and must be a string");
        await (await caller.Client.PostJsonAsync(milestonesUrl, $$"""{"content": "{{text}}"}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "content is required and must be a string");
        await (await caller.Client.PostJsonAsync("/api/v1/api-keys", $$"""{"name": "{{text}}", "scopes": ["goals:read"]}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "Name is required");
        var milestone = await caller.CreateMilestoneAsync(goalId, $$"""{"content": "c", "description": "{{text}}"}""");
        Assert.Equal("", milestone.GetProperty("description").GetString());
    }

    [Fact]
    public async Task EmojiCountAsOneCharacter_AndComeBackWhole()
    {
        var (caller, url, goalId) = await SeedAsync("/goals/{goal}/milestones");
        var content = string.Concat(Enumerable.Repeat("\U0001F3C3\U0001F3FD\u200D\u2640\uFE0F", 300)); // 300 characters, 2,100 units
        var flags = string.Concat(Enumerable.Repeat("\U0001F1EB\U0001F1F7", 500)); // at the limit, 2,000 units
        var description = string.Concat(Enumerable.Repeat("\U0001F600", 5000));

        var tooManyUnits = await caller.Client.PostJsonAsync(url, $$"""{"content": "{{content}}"}""");
        var created = await caller.CreateMilestoneAsync(goalId,
            $$"""{"content": "{{flags}}", "description": "{{description}}", "subtasks": [{"content": "{{flags}}"}]}""");

        await tooManyUnits.AssertErrorAsync(HttpStatusCode.BadRequest, "content must be at most 500 characters");
        var read = await (await caller.Client.GetAsync(
            $"/api/v1/goals/{goalId}/milestones/{created.GetProperty("id").GetString()}")).DataAsync();
        Assert.Equal(flags, read.GetProperty("content").GetString());
        Assert.Equal(description, read.GetProperty("description").GetString());
        Assert.Equal(flags, read.GetProperty("subtasks")[0].GetProperty("content").GetString());

        var goal = await (await caller.Client.PostJsonAsync("/api/v1/goals",
            $$"""{"title": "{{string.Concat(Enumerable.Repeat("\U0001F600", 200))}}"}""")).DataAsync(HttpStatusCode.Created);
        Assert.Equal(400, goal.GetProperty("title").GetString()!.Length);
        await (await caller.Client.PostJsonAsync("/api/v1/goals",
                $$"""{"title": "{{string.Concat(Enumerable.Repeat("\U0001F600", 201))}}"}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "title must be at most 200 characters");
    }

    /// <summary>A caller with a goal and a milestone, and the path with their ids filled in.</summary>
    private async Task<(ApiCaller Caller, string Url, string GoalId)> SeedAsync(string path)
    {
        var caller = await app.CreateCallerAsync();
        var goalId = await caller.CreateGoalAsync();
        var milestoneId = await caller.CreateMilestoneIdAsync(goalId, "m");
        var url = "/api/v1" + path.Replace("{goal}", goalId, StringComparison.Ordinal)
            .Replace("{milestone}", milestoneId, StringComparison.Ordinal);
        return (caller, url, goalId);
    }

    private static string Body(string template, string jsonStringContent) =>
        template.Replace("@", "\"" + jsonStringContent + "\"", StringComparison.Ordinal);
}
