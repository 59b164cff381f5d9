using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Strive.Domain.Persistence;

namespace Strive.Web.Data;

public static class PersistenceExtensions
{
    /// <summary>
    /// Registers the provider chosen by Database:Provider. Services get an
    /// <see cref="IDbContextFactory{StriveDbContext}"/> and open a short-lived context per operation,
    /// which suits both API requests and long-lived Blazor circuits. The contexts are pooled: an API
    /// read opens two or three a request, and a pooled one is reset instead of built (issue 11).
    /// </summary>
    public static IHostApplicationBuilder AddStrivePersistence(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(DatabaseOptions.SectionName);
        builder.Services.Configure<DatabaseOptions>(section);
        var options = section.Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString("Strive");

        switch (options.Provider)
        {
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is SqlServer, so ConnectionStrings:Strive must be set.");
                }

                builder.Services.AddPooledDbContextFactory<SqlServerStriveDbContext>((sp, o) => o
                    .UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure())
                    .AddInterceptors(sp.GetServices<IInterceptor>()));
                AddContextAliases<SqlServerStriveDbContext>(builder.Services);
                builder.Services.AddSingleton(WriteGate.Open());
                break;
            default:
                var sqlite = SqliteConnectionString(connectionString, builder.Environment.ContentRootPath);
                builder.Services.AddPooledDbContextFactory<SqliteStriveDbContext>((sp, o) => o
                    .UseSqlite(sqlite)
                    .AddInterceptors(sp.GetServices<IInterceptor>())
                    .AddInterceptors(SqliteDurability.Instance));
                AddContextAliases<SqliteStriveDbContext>(builder.Services);
                // SQLite takes one writer at a time: goal changes queue in process instead of in its busy handler.
                builder.Services.AddSingleton(WriteGate.Serialized());
                break;
        }

        return builder;
    }

    /// <summary>
    /// With no connection string the database is App_Data/strive.db beside the app; foreign keys are
    /// always on.
    /// </summary>
    public static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(configured ?? "");
        if (string.IsNullOrWhiteSpace(csb.DataSource))
        {
            var folder = Path.Combine(contentRoot, "App_Data");
            Directory.CreateDirectory(folder);
            csb.DataSource = Path.Combine(folder, "strive.db");
        }

        csb.ForeignKeys = true;
        return csb.ToString();
    }

    private static void AddContextAliases<TContext>(IServiceCollection services)
        where TContext : StriveHostDbContext
    {
        // The pooled factory registers no scoped context; Identity's stores and the admin CLI take one.
        // Disposed with the scope, which hands it back to the pool.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext());
        services.AddScoped<StriveHostDbContext>(sp => sp.GetRequiredService<TContext>());
        services.AddScoped<StriveDbContext>(sp => sp.GetRequiredService<TContext>());
        services.AddSingleton<IDbContextFactory<StriveDbContext>, ContextFactoryAdapter<TContext>>();
    }

    private sealed class ContextFactoryAdapter<TContext>(IDbContextFactory<TContext> inner)
        : IDbContextFactory<StriveDbContext>
        where TContext : StriveHostDbContext
    {
        public StriveDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
