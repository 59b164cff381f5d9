using MudBlazor.Services;

namespace Strive.Web.Components;

public static class UiExtensions
{
    /// <summary>The browser app: Razor components on the InteractiveServer render mode, MudBlazor.</summary>
    public static IHostApplicationBuilder AddStriveUi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        return builder;
    }

    public static WebApplication UseStriveUiPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        // The API answers its own 404s in JSON; only browser pages get the not-found page.
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/api"),
            branch => branch.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseAntiforgery();
        return app;
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
