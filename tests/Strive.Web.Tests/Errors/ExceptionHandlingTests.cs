using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Strive.Domain.Goals;
using Strive.Domain.Users;
using Strive.Web.Tests.Api;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.Errors;

/// <summary>
/// One exception handler answers for the whole app: the documented JSON 500 under /api
/// (docs/api/API.md "Basics"), the error page in the browser app; never a stack trace, never an
/// empty 500, and the exception is always logged.
/// </summary>
public sealed class ExceptionHandlingTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    [Fact]
    public async Task ApiEndpointThatThrows_AnswersTheJson500_AndLogsTheException()
    {
        var log = new ErrorLog();
        using var failing = app.WithFailing<IUserService>(log);
        var caller = await failing.CreateCallerAsync();

        var response = await caller.Client.GetAsync("/api/v1/users/me");

        await response.AssertErrorAsync(HttpStatusCode.InternalServerError, "Internal server error");
        Assert.Contains(log.Exceptions, e => e.Message == Throwing.Message);
    }

    [Fact]
    public async Task PageThatThrows_ShowsTheErrorPage_AndLogsTheException()
    {
        var log = new ErrorLog();
        using var failing = app.WithFailing<IGoalService>(log);
        using var browser = failing.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await AccountForms.RegisterAsync(browser, $"page-{Guid.NewGuid():N}@example.com", "Passw0rd!long");

        // The goals page lists the user's goals while it renders; here that call throws.
        var response = await browser.GetAsync(new Uri("/goals", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Throwing.Message, html, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), html, StringComparison.Ordinal);
        Assert.Contains(log.Exceptions, e => e.Message == Throwing.Message);
    }

    [Fact]
    public async Task AServerErrorOverHttps_StillSendsHsts_OnThePageAndInTheApi()
    {
        var log = new ErrorLog();
        using var failingGoals = app.WithFailing<IGoalService>(log);
        using var browser = failingGoals.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, BaseAddress = new Uri("https://strive.example/"),
        });
        await AccountForms.RegisterAsync(browser, $"hsts-{Guid.NewGuid():N}@example.com", "Passw0rd!long");
        using var failingUsers = app.WithFailing<IUserService>(log);
        var caller = await failingUsers.CreateCallerAsync();
        using var api = failingUsers.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://strive.example/") });
        api.DefaultRequestHeaders.Authorization = caller.Client.DefaultRequestHeaders.Authorization;

        var page = await browser.GetAsync(new Uri("/goals", UriKind.Relative));
        var json = await api.GetAsync(new Uri("/api/v1/users/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, json.StatusCode);
        Assert.Equal("max-age=31536000", Assert.Single(page.Headers.GetValues("Strict-Transport-Security")));
        Assert.Equal("max-age=31536000", Assert.Single(json.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task UnknownPage_ShowsTheNotFoundPage_WhileUnknownApiRoutesStayJson()
    {
        using var browser = app.CreateClient();

        var page = await browser.GetAsync(new Uri("/no-such-page", UriKind.Relative));
        var api = await browser.GetAsync(new Uri("/api/v1/no-such-route", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("data-testid=\"not-found\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await api.AssertErrorAsync(HttpStatusCode.NotFound, "Not found");
    }

    /// <summary>
    /// A reader in the dark theme who follows a dead link gets the not-found page dark from its first paint
    /// and it stays dark: the page is served in the cookie's theme and starts no circuit. (It used to start
    /// one; a re-executed 404 carries no persisted component state, so the circuit rendered the light theme
    /// before the system setting switched it back: a flash, and axe caught the mid-transition colours.)
    /// </summary>
    [Fact]
    public async Task UnknownPage_InTheDarkTheme_IsServedDark_AndStartsNoCircuit()
    {
        using var browser = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/no-such-page", UriKind.Relative));
        request.Headers.Add("Cookie", "strive-theme=dark");

        var response = await browser.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("data-testid=\"not-found\"", html, StringComparison.Ordinal);
        Assert.Contains("--mud-palette-background: rgba(11,16,32,1)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"type\":\"server\"", html, StringComparison.Ordinal);
    }
}

internal static class FailingAppExtensions
{
    /// <summary>The app with <typeparamref name="TService"/> replaced by one that throws, and its errors logged to <paramref name="log"/>.</summary>
    public static WebApplicationFactory<Program> WithFailing<TService>(this StriveAppFactory app, ErrorLog log)
        where TService : class =>
        app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddScoped(_ => Throwing.Service<TService>());
            services.AddSingleton<ILoggerProvider>(log);
        }));
}

/// <summary>An implementation of any service interface whose every method throws, as a bug would.</summary>
public class Throwing : DispatchProxy
{
    public const string Message = "Simulated failure";

    public static T Service<T>()
        where T : class => Create<T, Throwing>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        throw new InvalidOperationException(Message);
}

/// <summary>Keeps the exceptions logged at Error or above.</summary>
internal sealed class ErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<Exception> _exceptions = new();

    public IReadOnlyCollection<Exception> Exceptions => _exceptions;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(ErrorLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel) && exception is not null)
            {
                log._exceptions.Enqueue(exception);
            }
        }
    }
}
