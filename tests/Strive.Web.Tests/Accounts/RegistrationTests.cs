using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Strive.Domain.Users;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.Accounts;

public sealed class RegistrationTests(RegistrationTests.App app) : IClassFixture<RegistrationTests.App>
{
    private const string Password = "Str1ve-Passw0rd!";

    public sealed class App : StriveAppFactory
    {
        public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.Zero));

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddSingleton<TimeProvider>(Clock);
    }

    [Fact]
    public async Task Register_WithNoEmailSender_SignsInAtOnceAndOpensGoals()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await AccountForms.RegisterAsync(client, "ada@example.com", Password, displayName: " Ada ");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/goals", response.Headers.Location?.AbsolutePath);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"),
            cookie => cookie.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Register_RecordsCreationTimeAndDisplayName()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        await AccountForms.RegisterAsync(client, "grace@example.com", Password, displayName: " Grace Hopper ");

        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<StriveUser>>().FindByEmailAsync("grace@example.com");
        Assert.NotNull(user);
        Assert.Equal(app.Clock.GetUtcNow(), user.CreatedAt);
        Assert.Equal("Grace Hopper", user.DisplayName);
    }

    [Theory]
    [InlineData("Grace\u0007Hopper")]
    [InlineData("Grace\u001BHopper")]
    [InlineData("Grace\u0085Hopper")]
    public async Task Register_WithAControlCharacterInTheName_StaysOnTheFormAndMakesNoAccount(string name)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var email = $"control-{Guid.NewGuid():N}@example.com";

        var response = await AccountForms.RegisterAsync(client, email, Password, displayName: name);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Your name contains characters that can&#x27;t be shown", await response.Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<StriveUser>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task Register_WithANameOfFiftyEmoji_KeepsItWhole()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var name = string.Concat(Enumerable.Repeat("\U0001F600", 50));

        await AccountForms.RegisterAsync(client, "emoji-name@example.com", Password, displayName: name);

        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<StriveUser>>().FindByEmailAsync("emoji-name@example.com");
        Assert.Equal(name, user?.DisplayName);
    }

    [Fact]
    public async Task Register_WithAWeakPassword_StaysOnTheFormWithTheReason()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await AccountForms.RegisterAsync(client, "weak@example.com", "password1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Passwords must have at least one uppercase", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_ShowsAReadableError()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await AccountForms.RegisterAsync(client, "linus@example.com", Password);
        using var other = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await AccountForms.SignInAsync(other, "linus@example.com", "Wrong-passw0rd!");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("That email and password do not match an account.",
            await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
