using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Strive.Domain.Users;
using Strive.Web.Components.Account;
using Strive.Web.Data;

namespace Strive.Web.Identity;

public static class IdentityExtensions
{
    /// <summary>Browser accounts: ASP.NET Core Identity with cookies, on the Strive database.</summary>
    public static IHostApplicationBuilder AddStriveIdentity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.AddIdentityCore<StriveUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddEntityFrameworkStores<StriveHostDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddDataProtection()
            .SetApplicationName("Strive")
            .PersistKeysToDbContext<StriveHostDbContext>();

        services.AddSingleton<IEmailSender<StriveUser>, IdentityNoOpEmailSender>();
        return builder;
    }
}
