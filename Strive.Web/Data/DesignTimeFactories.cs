using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Strive.Web.Data;

// `dotnet ef migrations add` builds each provider's context here, without starting the app, so
// both migration sets can be generated from one machine with no SQL Server running.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteStriveDbContext>
{
    public SqliteStriveDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteStriveDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerStriveDbContext>
{
    public SqlServerStriveDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerStriveDbContext>()
            .UseSqlServer("Server=localhost;Database=Strive;Trusted_Connection=True;TrustServerCertificate=True")
            .Options);
}
