using System.Diagnostics;
using System.Runtime;

namespace Strive.Bench.CircuitMemory;

/// <summary>The process's memory after a full, compacting, blocking GC.</summary>
internal sealed record MemoryReading(long ManagedBytes, long ResidentBytes, long CommittedBytes)
{
    public static MemoryReading Take()
    {
        // Twice: finalizers run after the first pass and free what they held in the second.
        for (var i = 0; i < 2; i++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new MemoryReading(managed, process.WorkingSet64, GC.GetGCMemoryInfo().TotalCommittedBytes);
    }
}
