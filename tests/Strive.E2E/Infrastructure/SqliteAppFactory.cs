using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Strive.E2E.Infrastructure;

/// <summary>
/// The real app in this process over the SQLite file at <paramref name="databasePath"/>, in <paramref name="environment"/>,
/// telling time by <paramref name="clock"/> (the test host's) when one is given.
/// </summary>
public sealed class SqliteAppFactory(string databasePath, string environment, TimeProvider? clock = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Strive", $"Data Source={databasePath}");
        if (clock is not null)
        {
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton(clock)));
        }
    }
}
