using System.Net;
using Strive.Domain.ApiKeys;
using Strive.Domain.Goals;
using Strive.Web.Tests.Infrastructure;
using static Strive.Web.Tests.Api.ApiTestHelpers;

namespace Strive.Web.Tests.Api;

/// <summary>docs/api/API.md "Reminders": a person's own reminders over HTTP, with every documented refusal.</summary>
public sealed class RemindersApiTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    private static string Reminders(string goalId, string? reminderId = null) =>
        reminderId is null ? $"/api/v1/goals/{goalId}/reminders" : $"/api/v1/goals/{goalId}/reminders/{reminderId}";

    [Fact]
    public async Task Create_Returns201_WithTheWholeShape_AndTheDefaults()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();

        var response = await owner.Client.PostJsonAsync(Reminders(goalId),
            """{"description": "Log your week", "at": "2030-03-10T19:00:00+01:00"}""");
        var data = await response.DataAsync(HttpStatusCode.Created);

        AssertProperties(data, "id", "goalId", "description", "interval", "at", "timeZone", "nextAt", "createdAt",
            "updatedAt");
        Assert.Equal(("weekly", "UTC", goalId), (data.GetProperty("interval").GetString(),
            data.GetProperty("timeZone").GetString(), data.GetProperty("goalId").GetString()));
        Assert.Equal("2030-03-10T18:00:00.000Z", data.GetProperty("at").GetString());
        Assert.Equal("2030-03-10T18:00:00.000Z", data.GetProperty("nextAt").GetString());
        Assert.Equal(Reminders(goalId, data.GetProperty("id").GetString()), response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AMonthlyReminderOnThe31stInAZone_KeepsItsLocalTime_AndUpdatesAndDeletes()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var id = (await (await owner.Client.PostJsonAsync(Reminders(goalId),
                """{"description": "Pay the club", "interval": "monthly", "at": "2030-01-31T19:00:00+01:00", "timeZone": "Europe/Amsterdam"}"""))
            .DataAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

        var patched = await (await owner.Client.PatchJsonAsync(Reminders(goalId, id), """{"interval": "daily"}""")).DataAsync();
        Assert.Equal("daily", patched.GetProperty("interval").GetString());
        Assert.Equal("Europe/Amsterdam", patched.GetProperty("timeZone").GetString());
        var listed = await (await owner.Client.GetAsync(Reminders(goalId))).DataAsync();
        Assert.Equal(id, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetString());

        var deleted = await (await owner.Client.DeleteAsync(Reminders(goalId, id))).DataAsync();
        Assert.Equal((id, true), (deleted.GetProperty("id").GetString(), deleted.GetProperty("deleted").GetBoolean()));
        await (await owner.Client.GetAsync(Reminders(goalId, id))).AssertErrorAsync(HttpStatusCode.NotFound, "Reminder not found");
    }

    [Fact]
    public async Task Refusals_AnswerTheDocumentedErrors()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var stranger = await app.CreateCallerAsync();
        const string at = "\"at\": \"2030-01-01T10:00:00Z\"";

        await (await owner.Client.PostJsonAsync(Reminders(goalId), $$"""{{{at}}}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "description is required and must be a string");
        await (await owner.Client.PostJsonAsync(Reminders(goalId), $$"""{"description": 4, {{at}}}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "description is required and must be a string");
        await (await owner.Client.PostJsonAsync(Reminders(goalId), """{"description": "Run"}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "at is required and must be an ISO 8601 time");
        await (await owner.Client.PostJsonAsync(Reminders(goalId), """{"description": "Run", "at": "Sunday"}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "at is required and must be an ISO 8601 time");
        await (await owner.Client.PostJsonAsync(Reminders(goalId), $$"""{"description": "Run", "interval": "hourly", {{at}}}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "interval must be one of: never, daily, weekly, monthly, quarterly, yearly");
        await (await owner.Client.PostJsonAsync(Reminders(goalId), $$"""{"description": "Run", "timeZone": "Mars/Base", {{at}}}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "timeZone must be an IANA time zone");
        await (await owner.Client.PostJsonAsync(Reminders(goalId), $$"""{"description": "Run", "timeZone": 1, {{at}}}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "timeZone must be an IANA time zone");
        await (await stranger.Client.PostJsonAsync(Reminders(goalId), $$"""{"description": "Run", {{at}}}"""))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "You are not a stakeholder of this goal");
        await (await owner.Client.PostJsonAsync(Reminders("nope"), $$"""{"description": "Run", {{at}}}"""))
            .AssertErrorAsync(HttpStatusCode.NotFound, "Goal not found");
        await (await owner.Client.PatchJsonAsync(Reminders(goalId, "nope"), """{"description": "x"}"""))
            .AssertErrorAsync(HttpStatusCode.NotFound, "Reminder not found");
        for (var i = 0; i < 20; i++)
        {
            await (await owner.Client.PostJsonAsync(Reminders(goalId), $$"""{"description": "R{{i}}", {{at}}}"""))
                .DataAsync(HttpStatusCode.Created);
        }

        await (await owner.Client.PostJsonAsync(Reminders(goalId), $$"""{"description": "One more", {{at}}}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "A person has at most 20 reminders per goal");
    }

    [Fact]
    public async Task AnotherStakeholder_SeesNoneOfMyReminders()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var supporter = await app.CreateCallerAsync();
        await app.JoinAsync(supporter, goalId, StakeholderRoles.Supporter);
        var id = (await (await owner.Client.PostJsonAsync(Reminders(goalId),
            """{"description": "Mine", "at": "2030-01-01T10:00:00Z"}""")).DataAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString()!;

        Assert.Equal(0, (await (await supporter.Client.GetAsync(Reminders(goalId))).DataAsync()).GetArrayLength());
        await (await supporter.Client.DeleteAsync(Reminders(goalId, id))).AssertErrorAsync(HttpStatusCode.NotFound,
            "Reminder not found");
    }

    [Fact]
    public async Task TheScopes_AreRemindersReadAndRemindersWrite()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var readOnly = await app.CreateKeyAsync(owner.UserId, [ApiKeyScopes.RemindersRead]);
        using var client = app.CreateClientWithKey(readOnly.RawKey);

        await (await client.GetAsync(Reminders(goalId))).DataAsync();
        var refused = await (await client.PostJsonAsync(Reminders(goalId), """{"description": "x", "at": "2030-01-01"}"""))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "Forbidden");
        Assert.Equal("reminders:write", refused.GetProperty("requiredScopes")[0].GetString());
    }
}
