using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Strive.E2E.Infrastructure;

/// <summary>The real app in this process over the SQLite file at <paramref name="databasePath"/>, in <paramref name="environment"/>.</summary>
public sealed class SqliteAppFactory(string databasePath, string environment) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Strive", $"Data Source={databasePath}");
    }
}
