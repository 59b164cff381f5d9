using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Strive.Web.Diagnostics;

/// <summary>
/// How many Blazor circuits this process holds, for the memory endpoint (Development and Testing only): the
/// browser tests and the circuit-memory benchmark, which runs the published app in Testing, wait on it. It
/// also follows each closed circuit with a weak reference: a closed board is not gone from memory until its
/// circuit is collected (a JS call still in flight, for one, keeps it up to the call's timeout), and a reading
/// taken before that counts it.
/// </summary>
public sealed class OpenCircuits : CircuitHandler
{
    private readonly List<WeakReference<Circuit>> _closed = [];
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Closed circuits not yet collected; meaningful right after a full GC.</summary>
    public int ClosedStillInMemory
    {
        get
        {
            lock (_closed)
            {
                ForgetCollected();
                return _closed.Count;
            }
        }
    }

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return Task.CompletedTask;
    }

    // Closed means disposed: a circuit that lost its connection but is kept for a reconnect still counts.
    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _count);
        lock (_closed)
        {
            // Pruned here too, so a process whose endpoint nobody reads does not collect references.
            if (_closed.Count >= 64)
            {
                ForgetCollected();
            }

            _closed.Add(new WeakReference<Circuit>(circuit));
        }

        return Task.CompletedTask;
    }

    /// <summary>Drops the references whose circuit is gone; called under the lock.</summary>
    private void ForgetCollected() => _closed.RemoveAll(circuit => !circuit.TryGetTarget(out _));
}
