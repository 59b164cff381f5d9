using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Strive.Domain.Persistence;
using Strive.Web.OAuth;

namespace Strive.Web.Data;

/// <summary>
/// The domain model plus what only the host needs: the Data Protection key ring, kept in the
/// database so cookies survive restarts and several instances can share it.
/// </summary>
public abstract class StriveHostDbContext(DbContextOptions options) : StriveDbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The OAuth server's signing and encryption keys, shared by every instance (issue 28).</summary>
    public DbSet<OAuthKey> OAuthKeys => Set<OAuthKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // OpenIddict's applications, authorizations, scopes and tokens: OAuth clients and what people granted them.
        builder.UseOpenIddict();
        builder.Entity<OAuthKey>(key =>
        {
            key.Property(k => k.Id).HasMaxLength(32);
            key.Property(k => k.Protected).HasMaxLength(8000);
        });
    }
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
