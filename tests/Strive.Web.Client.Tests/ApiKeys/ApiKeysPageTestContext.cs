using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Strive.Domain.ApiKeys;

namespace Strive.Web.Client.Tests.ApiKeys;

/// <summary>bUnit with MudBlazor, a signed-in user and the fake key service.</summary>
public abstract class ApiKeysPageTestContext : BunitContext, IAsyncLifetime
{
    protected const string UserId = "user-1";

    protected static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private protected ApiKeysPageTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        var time = new FixedTimeProvider(Now);
        Keys = new FakeApiKeyService(time);
        Services.AddSingleton<TimeProvider>(time);
        Services.AddReaderTimeZone();
        Services.AddSingleton<IApiKeyService>(Keys);
        AddAuthorization()
            .SetAuthorized("alice@example.com")
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, UserId));
    }

    private protected FakeApiKeyService Keys { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously; xunit 2 would otherwise call Dispose().
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected IRenderedComponent<ApiKeysPageHost> RenderPage() => Render<ApiKeysPageHost>();

    protected static void Click(IRenderedComponent<ApiKeysPageHost> page, string testId) =>
        page.Find($"[data-testid='{testId}']").Click();

    /// <summary>
    /// Opens the create dialog and waits for its name field: Click() returns once the handler first
    /// yields, and the dialog renders after an await (the handler itself runs until the dialog closes, so
    /// it can't be awaited).
    /// </summary>
    protected static void OpenCreateDialog(IRenderedComponent<ApiKeysPageHost> page)
    {
        Click(page, "create-api-key");
        page.WaitForElement("[data-testid='api-key-name']");
    }
}
