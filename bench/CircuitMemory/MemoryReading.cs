namespace Strive.Bench.CircuitMemory;

/// <summary>
/// The measured app's <c>GET /_diagnostics/memory</c> (Strive.Web/Diagnostics/MemoryDiagnostics.cs): its
/// process after two full, blocking, compacting collections, and its resident memory and GC commit again after an
/// aggressive collection that gives the GC's spare room back. The resident split is null off Linux.
/// </summary>
internal sealed record MemoryReading(
    long ManagedBytes,
    long ResidentBytes,
    int OpenCircuits,
    int ClosedCircuitsInMemory,
    long CommittedBytes,
    long ResidentAfterDecommitBytes,
    long CommittedAfterDecommitBytes,
    bool ServerGc,
    bool ConcurrentGc,
    long? GcHeapCount,
    long? GcConserveMemory,
    long? GcGen0MaxBudget,
    long? RssAnonBytes,
    long? RssFileBytes,
    long? RssShmemBytes,
    int Threads);
