using System.Diagnostics;
using System.Runtime;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Strive.Web.Diagnostics;

/// <summary>
/// <c>GET /_diagnostics/memory</c>: the managed heap after a full GC, the resident memory and the open
/// circuits, so a test can show that closed boards give their memory back (docs/performance.md,
/// "Circuit memory"). It forces blocking full collections and tells about the process, so it exists
/// only in the Development and Testing environments: in any other environment (Production, Staging)
/// neither the route nor the circuit counter is registered, and the path is an ordinary 404.
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
            app.MapGet(Path, (OpenCircuits circuits) => Results.Json(Read(circuits.Count)))
                .ExcludeFromDescription();
        }

        return app;
    }

    private static MemorySnapshot Read(int openCircuits)
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
        return new MemorySnapshot(managed, process.WorkingSet64, openCircuits);
    }

    private sealed record MemorySnapshot(long ManagedBytes, long ResidentBytes, int OpenCircuits);
}
