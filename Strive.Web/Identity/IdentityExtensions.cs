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

        // With an SMTP server configured, new accounts confirm their email; without one they work at once.
        var smtp = builder.Configuration.GetSection(SmtpOptions.SectionName);
        services.Configure<SmtpOptions>(smtp);
        var emailEnabled = smtp.Get<SmtpOptions>()?.IsConfigured == true;

        services.AddIdentityCore<StriveUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = emailEnabled;
                options.Password.RequiredLength = 8;
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddEntityFrameworkStores<StriveHostDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // Every cookie's security stamp is checked against the database on each request, on every instance: signing
        // out everywhere and deleting an account (both renew the stamp) stop every other session on its next
        // request. One indexed read per browser request; the API is not affected (keys, not cookies).
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);

        services.AddDataProtection()
            .SetApplicationName("Strive")
            .PersistKeysToDbContext<StriveHostDbContext>();

        if (emailEnabled)
        {
            services.AddSingleton<IEmailSender<StriveUser>, SmtpEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender<StriveUser>, NoEmailSender>();
        }

        return builder;
    }
}
