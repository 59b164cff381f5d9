using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Strive.Domain.Users;
using Strive.Web.Cli;
using Strive.Web.Tests.Api;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.Cli;

/// <summary>`Strive.Web admin ...` against the app's own services and database.</summary>
public sealed class AdminCommandLineTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AdminCommandLine.RunAsync(app.Services, args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static string NewEmail() => $"admin-{Guid.NewGuid():N}@example.test";

    [Fact]
    public async Task CreateUser_PrintsTheNewUsersId()
    {
        var email = NewEmail();

        var (exitCode, output, error) = await RunAsync("create-user", "--email", email, "--password", "Str0ng!pass", "--name", "Ada");

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<StriveUser>>().FindByEmailAsync(email);
        Assert.NotNull(user);
        Assert.Equal(user.Id, output.Trim());
        Assert.Equal("Ada", user.DisplayName);
    }

    [Fact]
    public async Task CreateUser_WithAControlCharacterInTheName_FailsAndMakesNoAccount()
    {
        var email = NewEmail();

        var (exitCode, _, error) = await RunAsync("create-user", "--email", email, "--password", "Str0ng!pass", "--name", "Ada\u0007");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Name must not contain control characters", error, StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<StriveUser>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task CreateApiKey_PrintsAWorkingKeyOnTheLastLine()
    {
        var email = NewEmail();
        await RunAsync("create-user", "--email", email, "--password", "Str0ng!pass");

        var (exitCode, output, _) = await RunAsync("create-api-key", "--email", email, "--name", "script",
            "--scopes", "goals:read,goals:write", "--expires", DateTimeOffset.UtcNow.AddDays(1).ToString("O"));

        Assert.Equal(0, exitCode);
        var key = output.TrimEnd().Split('\n')[^1];
        Assert.Matches("^sk_live_[0-9a-f]{64}$", key);
        using var client = app.CreateClientWithKey(key);
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/v1/goals", """{"title": "From the CLI"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/users/me")).StatusCode);
    }

    [Fact]
    public async Task AddStakeholder_GivesTheUserRolesOnTheGoal()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var friend = await app.CreateCallerAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await friend.Client.GetAsync($"/api/v1/goals/{goalId}")).StatusCode);

        var (exitCode, output, error) = await RunAsync("add-stakeholder", "--goal", goalId, "--email", friend.Email,
            "--roles", "achiever,supporter");

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains(friend.Email, output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created,
            (await friend.Client.PostJsonAsync($"/api/v1/goals/{goalId}/milestones", """{"content": "Mine"}""")).StatusCode);
    }

    [Fact]
    public async Task Help_PrintsUsage()
    {
        var (exitCode, output, _) = await RunAsync("help");

        Assert.Equal(0, exitCode);
        Assert.Contains("create-api-key", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("create-user", "--email", "a@b.test")]
    [InlineData("create-user", "--email")]
    [InlineData("create-user", "--email", "a@b.test", "--password", "Str0ng!pass", "--colour", "red")]
    [InlineData("create-user", "--email", "weak@b.test", "--password", "short")]
    [InlineData("create-api-key", "--email", "nobody@example.test", "--name", "k", "--scopes", "goals:read")]
    [InlineData("create-api-key", "--name", "k", "--scopes", "goals:read")]
    [InlineData("add-stakeholder", "--goal", "no-such-goal", "--email", "nobody@example.test", "--roles", "admin")]
    [InlineData("add-stakeholder", "--goal", "g", "--email", "nobody@example.test", "--roles", "king")]
    public async Task BadInvocation_ExplainsOnStderrAndFails(params string[] args)
    {
        var (exitCode, output, error) = await RunAsync(args);

        Assert.NotEqual(0, exitCode);
        Assert.Equal("", output);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public async Task CreateApiKey_WithUnknownScopeOrBadExpiry_Fails()
    {
        var email = NewEmail();
        await RunAsync("create-user", "--email", email, "--password", "Str0ng!pass");

        var unknownScope = await RunAsync("create-api-key", "--email", email, "--name", "k", "--scopes", "goals:read,root");
        var badExpiry = await RunAsync("create-api-key", "--email", email, "--name", "k", "--scopes", "goals:read",
            "--expires", "tomorrow");

        Assert.Equal(1, unknownScope.ExitCode);
        Assert.Contains("Unknown scope: root", unknownScope.Error, StringComparison.Ordinal);
        Assert.Equal(1, badExpiry.ExitCode);
        Assert.Contains("--expires", badExpiry.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddStakeholder_WithUnknownUser_SaysSo()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();

        var (exitCode, _, error) = await RunAsync("add-stakeholder", "--goal", goalId, "--email", "ghost@example.test",
            "--roles", "spectator");

        Assert.Equal(1, exitCode);
        Assert.Contains("No user with that email", error, StringComparison.Ordinal);
    }
}
