namespace Strive.Domain.Persistence;

/// <summary>
/// Lets one goal change at a time into the database when the database itself allows only one writer
/// (SQLite): the others wait here, in order, instead of in SQLite's busy handler, which sleeps between
/// retries and so made eight concurrent writers slower than one, with a tail of seconds (issue 31). A
/// database that locks rows (SQL Server) gets an open gate and keeps its own locking.
/// </summary>
public sealed class WriteGate
{
    private readonly SemaphoreSlim? _one;

    private WriteGate(bool serialize) => _one = serialize ? new SemaphoreSlim(1, 1) : null;

    /// <summary>One writer at a time, first come first served.</summary>
    public static WriteGate Serialized() => new(serialize: true);

    /// <summary>No waiting: the database orders concurrent writers itself.</summary>
    public static WriteGate Open() => new(serialize: false);

    public bool Serializes => _one is not null;

    public async Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (_one is null)
        {
            return await write();
        }

        await _one.WaitAsync(cancellationToken);
        try
        {
            return await write();
        }
        finally
        {
            _one.Release();
        }
    }
}
