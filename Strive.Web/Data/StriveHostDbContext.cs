using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Strive.Domain.Persistence;

namespace Strive.Web.Data;

/// <summary>
/// The domain model plus what only the host needs: the Data Protection key ring, kept in the
/// database so cookies survive restarts and several instances can share it.
/// </summary>
public abstract class StriveHostDbContext(DbContextOptions options) : StriveDbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}

/// <summary>The embedded default. Migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteStriveDbContext(DbContextOptions<SqliteStriveDbContext> options) : StriveHostDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
    }
}

/// <summary>The production provider. Migrations in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerStriveDbContext(DbContextOptions<SqlServerStriveDbContext> options) : StriveHostDbContext(options);
