using Microsoft.Data.Sqlite;

namespace Strive.Tests.Files;

/// <summary>The temp folder a test's SQLite database lives in.</summary>
public static class TestFolder
{
    /// <summary>
    /// Deletes the folder once the SQLite connection pools have let go of its files. A file still held open
    /// (by a pool of a host that is still stopping, or a process on its way out) is not worth failing a run
    /// over: the folder is under the system's temp folder.
    /// </summary>
    public static void Delete(string folder)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
