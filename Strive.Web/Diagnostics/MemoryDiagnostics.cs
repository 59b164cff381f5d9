using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Strive.Web.Diagnostics;

/// <summary>
/// <c>GET /_diagnostics/memory</c>: the managed heap after a full GC, the resident memory and the open
/// circuits, so a test can show that closed boards give their memory back, and the circuit-memory
/// benchmark can read the app's process from outside (docs/performance.md, "Circuit memory"); with the
/// GC's committed bytes and settings, the threads and, on Linux, what the resident set is made of. It
/// forces blocking full collections and tells about the process, so it exists only in the Development and
/// Testing environments: in any other environment (Production, Staging) neither the route nor the circuit
/// counter is registered, and the path is an ordinary 404.
/// </summary>
public static class MemoryDiagnostics
{
    public const string Path = "/_diagnostics/memory";

    public static bool IsEnabled(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");

    public static IHostApplicationBuilder AddStriveMemoryDiagnostics(this IHostApplicationBuilder builder)
    {
        if (IsEnabled(builder.Environment))
        {
            builder.Services.AddSingleton<OpenCircuits>();
            builder.Services.TryAddEnumerable(
                ServiceDescriptor.Singleton<CircuitHandler, OpenCircuits>(sp => sp.GetRequiredService<OpenCircuits>()));
        }

        return builder;
    }

    public static WebApplication MapStriveMemoryDiagnostics(this WebApplication app)
    {
        if (IsEnabled(app.Environment))
        {
            app.MapGet(Path, (OpenCircuits circuits) => Results.Json(Read(circuits)))
                .ExcludeFromDescription();
        }

        return app;
    }

    private static MemorySnapshot Read(OpenCircuits circuits)
    {
        // Twice: objects with finalizers are only freed by the collection after their finalizer ran.
        for (var i = 0; i < 2; i++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        var resident = process.WorkingSet64;
        var committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
        var gc = GC.GetConfigurationVariables();
        var status = OperatingSystem.IsLinux() ? ProcStatus.Read() : null;

        // Then the same heap with the GC's spare room given back: after a full collection the GC keeps free
        // regions and its gen0 budget (16 MB here) committed, or not, as its own timing has it, which moved a
        // reading by up to 12 MB from one moment to the next. An aggressive collection decommits all of it, so
        // this second figure is what the live objects and the native side need.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        process.Refresh();
        return new MemorySnapshot(managed, resident, circuits.Count, circuits.ClosedStillInMemory, committed,
            process.WorkingSet64, GC.GetGCMemoryInfo().TotalCommittedBytes,
            GCSettings.IsServerGC,
            gc.TryGetValue("ConcurrentGC", out var concurrent) && concurrent is true,
            gc.TryGetValue("HeapCount", out var heaps) && heaps is long heapCount ? heapCount : null,
            gc.TryGetValue("GCConserveMem", out var conserve) && conserve is long conserveMemory ? conserveMemory : null,
            gc.TryGetValue("GCGen0MaxBudget", out var budget) && budget is long gen0MaxBudget ? gen0MaxBudget : null,
            status?.Kilobytes("RssAnon") * 1024,
            status?.Kilobytes("RssFile") * 1024,
            status?.Kilobytes("RssShmem") * 1024,
            process.Threads.Count);
    }

    /// <summary>
    /// The reading. <see cref="ResidentAfterDecommitBytes"/> and <see cref="CommittedAfterDecommitBytes"/> come
    /// after an aggressive collection that follows the others. Resident memory (before it) split into anonymous
    /// pages (the GC heap, native allocations), file-backed pages (mapped assemblies and native libraries) and
    /// shared memory (with W^X, the runtime's default, the JIT's code and stubs are mapped twice from a shared
    /// memory file): null where there is no /proc/self/status.
    /// </summary>
    private sealed record MemorySnapshot(long ManagedBytes, long ResidentBytes, int OpenCircuits, int ClosedCircuitsInMemory,
        long CommittedBytes, long ResidentAfterDecommitBytes, long CommittedAfterDecommitBytes, bool ServerGc,
        bool ConcurrentGc, long? GcHeapCount, long? GcConserveMemory, long? GcGen0MaxBudget, long? RssAnonBytes,
        long? RssFileBytes, long? RssShmemBytes, int Threads);

    /// <summary>Linux's /proc/self/status: "RssAnon:     12345 kB" lines.</summary>
    private sealed class ProcStatus(Dictionary<string, string> fields)
    {
        public static ProcStatus? Read()
        {
            try
            {
                var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var line in File.ReadLines("/proc/self/status"))
                {
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    if (colon > 0)
                    {
                        fields[line[..colon]] = line[(colon + 1)..].Trim();
                    }
                }

                return new ProcStatus(fields);
            }
            catch (IOException)
            {
                return null;
            }
        }

        public long? Kilobytes(string name) =>
            fields.TryGetValue(name, out var value) && value.EndsWith(" kB", StringComparison.Ordinal)
            && long.TryParse(value[..^3], NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb : null;
    }
}
