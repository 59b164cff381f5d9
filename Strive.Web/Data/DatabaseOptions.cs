namespace Strive.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>The "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start; turn off where a release pipeline migrates instead.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
