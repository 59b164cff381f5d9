using Microsoft.EntityFrameworkCore;
using Strive.Domain.Persistence;

namespace Strive.Domain.Tests.Infrastructure;

/// <summary>The domain model on SQLite, configured as the host's SQLite context is.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : StriveDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
    }
}
