using Microsoft.AspNetCore.Diagnostics;
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

        // Re-executing from inside a UseWhen branch skips routing and ends in an empty 404, so the
        // middleware sits on the main pipeline and the API opts out: it answers its own 404s in JSON.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api")
                && context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }

            return next(context);
        });
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
