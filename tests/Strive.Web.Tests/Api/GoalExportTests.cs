using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.VisualBasic.FileIO;
using Strive.Domain.Goals;
using Strive.Web.Tests.Infrastructure;
using static Strive.Web.Tests.Api.ApiTestHelpers;

namespace Strive.Web.Tests.Api;

/// <summary>GET /api/v1/goals/:goalId/export, and the browser's JSON and CSV downloads of the same goal.</summary>
public sealed class GoalExportTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    private async Task<(ApiCaller Owner, ApiCaller Supporter, string GoalId)> SeedAsync()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync("Learn the cello");
        await owner.CreateMilestoneAsync(goalId, """{"content": "Rent a cello, \"a good one\"", "deadline": "2026-03-31"}""");
        await owner.CreateMilestoneAsync(goalId, """{"content": "Scales, arpeggios\nand études", "subtasks": [{"content": "C major", "completed": true}]}""");
        var supporter = await app.CreateCallerAsync();
        await app.JoinAsync(supporter, goalId, StakeholderRoles.Supporter);
        await (await supporter.Client.PostJsonAsync($"/api/v1/goals/{goalId}/supports",
            """{"description": "Concert tickets"}""")).DataAsync(HttpStatusCode.Created);
        return (owner, supporter, goalId);
    }

    [Fact]
    public async Task Export_RoundTripsThroughAJsonParser_WithTheMilestonesOfTheList_AndNoEmails()
    {
        var (owner, supporter, goalId) = await SeedAsync();

        var response = await supporter.Client.GetAsync($"/api/v1/goals/{goalId}/export");

        var text = await response.Content.ReadAsStringAsync();
        var data = JsonDocument.Parse(text).RootElement.GetProperty("data");
        AssertProperties(data, "goal", "milestones", "posts", "supports", "stakeholders", "events", "exportedAt");
        AssertTime(data.GetProperty("exportedAt"));
        var list = await (await owner.Client.GetAsync($"/api/v1/goals/{goalId}/milestones")).DataAsync();
        Assert.Equal(list.ToString(), data.GetProperty("milestones").ToString());
        Assert.Equal(goalId, data.GetProperty("goal").GetProperty("id").GetString());
        Assert.Equal(["Concert tickets"], data.GetProperty("supports").EnumerateArray().Select(s => s.GetProperty("description").GetString()!));
        Assert.Equal([["admin", "achiever", "spectator"], ["supporter"]], data.GetProperty("stakeholders").EnumerateArray()
            .Select(s => s.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray()));
        Assert.All(data.GetProperty("stakeholders").EnumerateArray(), s => AssertProperties(s, "name", "roles"));
        Assert.Contains(data.GetProperty("events").EnumerateArray(), e => e.GetProperty("type").GetString() == "goalCreated");
        Assert.DoesNotContain(owner.Email, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(supporter.Email, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Export_ByAnOutsider403_UnknownGoal404_AndWithoutTheReadScope403()
    {
        var (owner, _, goalId) = await SeedAsync();
        var outsider = await app.CreateCallerAsync();
        var writeOnly = await app.CreateCallerAsync([Strive.Domain.ApiKeys.ApiKeyScopes.GoalsWrite]);

        await (await outsider.Client.GetAsync($"/api/v1/goals/{goalId}/export"))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "You are not a stakeholder of this goal");
        await (await owner.Client.GetAsync("/api/v1/goals/nope/export")).AssertErrorAsync(HttpStatusCode.NotFound, "Goal not found");
        await (await writeOnly.Client.GetAsync($"/api/v1/goals/{goalId}/export")).AssertErrorAsync(HttpStatusCode.Forbidden, "Forbidden");
    }

    [Fact]
    public async Task BrowserDownloads_JsonIsTheApiExport_AndTheCsvParsesBackToTheSameMilestones()
    {
        var (owner, _, goalId) = await SeedAsync();
        using var browser = await SignedInBrowserAsync(owner.Email);
        var api = await (await owner.Client.GetAsync($"/api/v1/goals/{goalId}/export")).DataAsync();

        var json = await browser.GetAsync(new Uri($"/download/goals/{goalId}/export.json", UriKind.Relative));
        var csv = await browser.GetAsync(new Uri($"/download/goals/{goalId}/milestones.csv", UriKind.Relative));

        Assert.Equal("attachment", json.Content.Headers.ContentDisposition?.DispositionType);
        var downloaded = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement.GetProperty("data");
        Assert.Equal(api.GetProperty("milestones").ToString(), downloaded.GetProperty("milestones").ToString());
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = ParseCsv(bytes);
        Assert.Equal(["order", "content", "description", "status", "deadline"], rows[0][..5]);
        var milestones = api.GetProperty("milestones").EnumerateArray().ToList();
        Assert.Equal(milestones.Count + 1, rows.Count);
        for (var i = 0; i < milestones.Count; i++)
        {
            var m = milestones[i];
            Assert.Equal([m.GetProperty("order").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
                m.GetProperty("content").GetString()!, m.GetProperty("description").GetString()!,
                m.GetProperty("status").GetString()!, m.GetProperty("deadline").GetString() ?? ""], rows[i + 1][..5]);
        }
    }

    [Fact]
    public async Task BrowserDownload_OfAGoalTheUserIsNotOn_Is404_AndSignedOutRedirectsToSignIn()
    {
        var (_, _, goalId) = await SeedAsync();
        var stranger = await app.CreateCallerAsync();
        using var browser = await SignedInBrowserAsync(stranger.Email);
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var refused = await browser.GetAsync(new Uri($"/download/goals/{goalId}/export.json", UriKind.Relative));
        var signedOut = await anonymous.GetAsync(new Uri($"/download/goals/{goalId}/milestones.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
    }

    private static List<string[]> ParseCsv(byte[] bytes)
    {
        using var parser = new TextFieldParser(new MemoryStream(bytes), Encoding.UTF8, detectEncoding: true)
        {
            TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false,
        };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }

        return rows;
    }

    /// <summary>A browser's client, signed in through the sign-in form; it keeps the cookie.</summary>
    private async Task<HttpClient> SignedInBrowserAsync(string email)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signedIn = await AccountForms.SignInAsync(browser, email, "Passw0rd!long");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }
}
