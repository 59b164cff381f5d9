using MudBlazor.Services;
using Strive.Web.Client;

namespace Strive.Web.Components;

public static class UiExtensions
{
    /// <summary>The browser app: Razor components on the InteractiveServer render mode, MudBlazor.</summary>
    public static IHostApplicationBuilder AddStriveUi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents(options =>
        {
            // A JS call still in flight when its tab closes is never answered, and until it times out its
            // timer keeps the closed circuit whole: every component and render tree of the board. Every
            // call this app makes answers in milliseconds, so 10 s (not the default minute) bounds how long
            // a board closed mid-call holds its memory (docs/performance.md, "Circuit memory").
            options.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(10);
        });
        // Toasts (an undo offer, "Saved") at the bottom: at the top right they covered the account menu.
        builder.Services.AddMudServices(config =>
            config.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomLeft);
        builder.Services.AddReaderTimeZone();
        return builder;
    }

    public static WebApplication MapStriveUi(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .AddAdditionalAssemblies(typeof(Client.Layout.MainLayout).Assembly);
        app.MapAdditionalIdentityEndpoints();
        return app;
    }
}
