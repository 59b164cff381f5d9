using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Strive.Web.Data;

namespace Strive.Web.Tests.Persistence;

/// <summary>Both providers' migrations must keep up with the one model; no database server is needed.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void SqliteMigrations_MatchTheModel()
    {
        using var db = CreateSqlite();
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a SQLite migration: run `dotnet ef migrations add <Name> --project Strive.Web --context SqliteStriveDbContext --output-dir Data/Migrations/Sqlite`.");
    }

    [Fact]
    public void SqlServerMigrations_MatchTheModel()
    {
        using var db = CreateSqlServer();
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a SQL Server migration: run `dotnet ef migrations add <Name> --project Strive.Web --context SqlServerStriveDbContext --output-dir Data/Migrations/SqlServer`.");
    }

    [Fact]
    public void SqlServerScript_CreatesEveryTableOfTheModel()
    {
        using var db = CreateSqlServer();
        var script = db.GetService<IMigrator>().GenerateScript();

        var tables = TablesOf(db);
        Assert.Contains("AspNetUsers", tables);
        Assert.Contains("DataProtectionKeys", tables);
        foreach (var table in tables)
        {
            Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SqliteScript_CreatesEveryTableOfTheModel()
    {
        using var db = CreateSqlite();
        var script = db.GetService<IMigrator>().GenerateScript();

        foreach (var table in TablesOf(db))
        {
            Assert.Contains($"CREATE TABLE \"{table}\"", script, StringComparison.Ordinal);
        }
    }

    private static List<string> TablesOf(DbContext db) =>
        db.Model.GetEntityTypes()
            .Select(entity => entity.GetTableName())
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static SqliteStriveDbContext CreateSqlite() =>
        new(new DbContextOptionsBuilder<SqliteStriveDbContext>().UseSqlite("Data Source=:memory:").Options);

    // UseSqlServer never connects until asked to, so a placeholder connection string is enough.
    private static SqlServerStriveDbContext CreateSqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerStriveDbContext>()
            .UseSqlServer("Server=unused;Database=Strive;TrustServerCertificate=True")
            .Options);
}
