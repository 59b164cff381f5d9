using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Validation;

namespace Strive.Web.OAuth;

/// <summary>
/// The options cache keeps whatever OpenIddict's options were first built with. When that build had to use
/// throwaway keys (the database was away, <see cref="OAuthKeyStore.Keys"/>), the next request drops them, so the
/// stored keys are read as soon as the database answers again, without a restart.
/// </summary>
internal sealed class OAuthKeyRetry(
    OAuthKeyStore keys,
    IOptionsMonitorCache<OpenIddictServerOptions> serverOptions,
    IOptionsMonitorCache<OpenIddictValidationOptions> validationOptions) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (keys.TakeProvisional())
            {
                serverOptions.TryRemove(Options.DefaultName);
                validationOptions.TryRemove(Options.DefaultName);
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
