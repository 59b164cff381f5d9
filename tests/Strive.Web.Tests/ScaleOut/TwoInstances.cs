using Strive.Tests.Files;
using Strive.Tests.ScaleOut;
using Strive.Web.Tests.Api;

namespace Strive.Web.Tests.ScaleOut;

/// <summary>
/// A real redis-server and two instances of the app (A and B, real Kestrel) over one SQLite file,
/// started once per test class: what README "Running several instances" describes, on loopback.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "strive-scale-out", Guid.NewGuid().ToString("N"));

    public RedisServer Redis { get; private set; } = default!;

    public AppInstance A { get; private set; } = default!;

    public AppInstance B { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var database = Path.Combine(_folder, "strive.db");
        Redis = await RedisServer.StartAsync();
        // One after the other, as a rolling start does: the first migrates the new database.
        A = AppInstance.Start("A", database, Redis.Configuration);
        B = AppInstance.Start("B", database, Redis.Configuration);
    }

    /// <summary>A new user with a key (all scopes), made through instance A's domain services.</summary>
    public async Task<(string UserId, string KeyId, string Key)> NewKeyHolderAsync()
    {
        var userId = await A.CreateUserAsync();
        var key = await A.CreateKeyAsync(userId);
        return (userId, key.Key.Id, key.RawKey);
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Redis.DisposeAsync();
        TestFolder.Delete(_folder);
    }
}
