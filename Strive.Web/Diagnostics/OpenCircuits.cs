using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Strive.Web.Diagnostics;

/// <summary>
/// How many Blazor circuits this process holds, for the memory endpoint (Development and Testing only): the
/// browser tests and the circuit-memory benchmark, which runs the published app in Testing, wait on it.
/// </summary>
public sealed class OpenCircuits : CircuitHandler
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return Task.CompletedTask;
    }

    // Closed means disposed: a circuit that lost its connection but is kept for a reconnect still counts.
    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _count);
        return Task.CompletedTask;
    }
}
