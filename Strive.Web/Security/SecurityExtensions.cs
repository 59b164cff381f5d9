using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace Strive.Web.Security;

/// <summary>
/// What every response tells the browser about itself, and how the app learns that a request came over
/// HTTPS when a proxy terminated TLS in front of it (issue 10).
/// </summary>
public static class SecurityExtensions
{
    /// <summary>No powerful feature is used by Strive, so none may be used by anything it serves.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), "
        + "microphone=(), midi=(), payment=(), publickey-credentials-get=(), serial=(), usb=(), xr-spatial-tracking=()";

    public static IHostApplicationBuilder AddStriveSecurity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = builder.Configuration.GetSection(ForwardedHeadersSettings.SectionName)
            .Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        builder.Services.AddSingleton(settings);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (settings.KnownProxies.Count > 0 || settings.KnownNetworks.Count > 0)
            {
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                foreach (var proxy in settings.KnownProxies)
                {
                    options.KnownProxies.Add(IPAddress.Parse(proxy));
                }

                foreach (var network in settings.KnownNetworks)
                {
                    options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                }
            }
        });
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        // Every cookie (Identity, antiforgery, status message, theme) is Secure when the request was HTTPS.
        builder.Services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.SameAsRequest);
        return builder;
    }

    /// <summary>
    /// First in the pipeline, when ForwardedHeaders:Enabled: the scheme and client address the proxy saw,
    /// so HTTPS-only behaviour (Secure cookies, HSTS) follows the browser's connection, not the proxy's.
    /// </summary>
    public static WebApplication UseStriveForwardedHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<ForwardedHeadersSettings>().Enabled)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    /// <summary>
    /// nosniff, the referrer policy and the permissions policy on every response, set as it starts so
    /// that error pages (whose handler clears the headers) carry them too; HSTS over HTTPS outside
    /// Development; Secure cookies over HTTPS.
    /// </summary>
    public static WebApplication UseStriveSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = PermissionsPolicy;
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
        if (!app.Environment.IsDevelopment())
        {
            UseHstsAsResponsesStart(app);
        }

        app.UseCookiePolicy();
        return app;
    }

    /// <summary>
    /// HSTS as ASP.NET Core's own middleware sends it (HTTPS only, never for its excluded hosts), but set as the
    /// response starts: that middleware writes the header before the endpoint runs, and the exception handler
    /// clears it with the rest, so a 500 page or JSON error went out without it.
    /// </summary>
    private static void UseHstsAsResponsesStart(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<HstsOptions>>().Value;
        var value = $"max-age={(long)options.MaxAge.TotalSeconds}"
            + (options.IncludeSubDomains ? "; includeSubDomains" : "") + (options.Preload ? "; preload" : "");
        var excluded = new HashSet<string>(options.ExcludedHosts, StringComparer.OrdinalIgnoreCase);
        app.Use((context, next) =>
        {
            if (context.Request.IsHttps && !excluded.Contains(context.Request.Host.Host))
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.StrictTransportSecurity = value;
                    return Task.CompletedTask;
                });
            }

            return next(context);
        });
    }
}
