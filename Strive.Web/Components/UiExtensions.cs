using MudBlazor.Services;
using Strive.Web.Client;

namespace Strive.Web.Components;

public static class UiExtensions
{
    /// <summary>The browser app: Razor components on the InteractiveServer render mode, MudBlazor.</summary>
    public static IHostApplicationBuilder AddStriveUi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
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
