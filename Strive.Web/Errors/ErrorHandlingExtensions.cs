using Microsoft.AspNetCore.Diagnostics;
using Strive.Web.Api;

namespace Strive.Web.Errors;

/// <summary>What a request that fails gets back: JSON under /api, a page in the browser app.</summary>
public static class ErrorHandlingExtensions
{
    private const string ErrorPagePath = "/Error";          // Components/Pages/Error.razor
    private const string NotFoundPagePath = "/not-found";   // Components/Pages/NotFound.razor

    public static IHostApplicationBuilder AddStriveErrorHandling(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddExceptionHandler<StriveExceptionHandler>();
        return builder;
    }

    /// <summary>
    /// The outermost middleware, in every environment: an exception from anything after it (routing,
    /// authentication, an endpoint, a page) is logged and answered here. Under /api
    /// <see cref="StriveExceptionHandler"/> writes the JSON 500; any other request is re-executed on the
    /// error page, which shows a reference, never the exception.
    /// </summary>
    public static WebApplication UseStriveExceptionHandler(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = ErrorPagePath,
            CreateScopeForErrors = true,
            // Since .NET 10 an exception an IExceptionHandler answers is not logged by default; an API
            // failure is still a bug someone must read about.
            SuppressDiagnosticsCallback = _ => false,
        });
        return app;
    }

    /// <summary>
    /// An empty 404 in the browser app becomes the not-found page. The API answers its own 404s in JSON
    /// (its catch-all route), so it opts out. (Opting the UI in with UseWhen does not work: re-executing
    /// from inside a branch skips routing and ends in an empty 404.)
    /// Only a GET or HEAD is re-executed: a re-executed POST runs the page's form handling again (a
    /// sign-out posted without its antiforgery token read the form a second time and became a 500), so
    /// an empty error answer to any other method gets <see cref="StatusPage"/> instead.
    /// </summary>
    public static WebApplication UseStriveStatusCodePages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseStatusCodePagesWithReExecute(NotFoundPagePath, createScopeForStatusCodePages: true);
        app.Use(async (context, next) =>
        {
            var isApi = ApiExtensions.IsApiPath(context.Request.Path);
            var reExecutes = !isApi && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method));
            if (!reExecutes && context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }

            await next(context);
            if (!isApi && !reExecutes)
            {
                await StatusPage.WriteIfEmptyAsync(context);
            }
        });
        return app;
    }
}
