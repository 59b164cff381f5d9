using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using Strive.Domain.ApiKeys;
using Strive.Web.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Strive.Web.OAuth;

/// <summary>
/// Strive's OAuth 2.1 authorization server (docs/mcp.md, "Connect with OAuth"), built on OpenIddict:
/// authorization code with PKCE S256 only, rotating refresh tokens (a reused one revokes its whole
/// authorization), one-hour access tokens, exact redirect URIs. Tokens are protected with the Data
/// Protection key ring in the database and checked against their database entry on every request, so any
/// instance reads them and a disconnected app is refused on the next request everywhere.
/// </summary>
public static class OAuthExtensions
{
    public const string AuthorizePath = "/oauth/authorize";
    public const string TokenPath = "/oauth/token";
    public const string RevokePath = "/oauth/revoke";
    public const string RegisterPath = "/oauth/register";
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(1);

    public static IHostApplicationBuilder AddStriveOAuth(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<OAuthKeyStore>();
        services.AddTransient<IStartupFilter, OAuthKeyRetry>();
        services.AddScoped<ConnectedApps>();
        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<StriveHostDbContext>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(AuthorizePath.TrimStart('/'))
                    .SetTokenEndpointUris(TokenPath.TrimStart('/'))
                    .SetRevocationEndpointUris(RevokePath.TrimStart('/'))
                    .SetConfigurationEndpointUris(".well-known/oauth-authorization-server", ".well-known/openid-configuration");
                server.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().RequireProofKeyForCodeExchange();
                server.RegisterScopes([.. ApiKeyScopes.All, Scopes.OfflineAccess]);
                server.SetAccessTokenLifetime(AccessTokenLifetime);
                // Rotation without grace: the second use of a refresh token is a theft signal, and
                // OpenIddict then revokes every token of that authorization.
                server.SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                server.UseDataProtection();
                server.AddEventHandler<OpenIddictServerEvents.HandleConfigurationRequestContext>(handler =>
                    handler.UseInlineHandler(context =>
                    {
                        context.Metadata["registration_endpoint"] = new Uri(context.BaseUri ?? context.Issuer!, RegisterPath.TrimStart('/')).AbsoluteUri;
                        return default;
                    }));
                // Behind the TLS proxy the forwarded scheme is https; plain http is for localhost and tests.
                server.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseDataProtection();
                validation.EnableTokenEntryValidation();
                validation.EnableAuthorizationEntryValidation();
                validation.UseAspNetCore();
            });

        // Only S256: OAuth 2.1 drops "plain".
        services.AddOptions<OpenIddictServerOptions>().Configure<OAuthKeyStore>((options, keys) =>
        {
            options.CodeChallengeMethods.Clear();
            options.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
            var (signing, encryption) = keys.Keys();
            options.SigningCredentials.Add(new SigningCredentials(signing, SecurityAlgorithms.RsaSha256));
            options.EncryptionCredentials.Add(new EncryptingCredentials(encryption,
                SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
        });
        return builder;
    }

    public static WebApplication MapStriveOAuth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapProtectedResourceMetadata();
        app.MapClientRegistration();
        app.MapAuthorization();
        return app;
    }
}
