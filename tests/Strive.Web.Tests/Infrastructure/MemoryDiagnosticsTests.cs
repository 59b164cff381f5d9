using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;

namespace Strive.Web.Tests.Infrastructure;

/// <summary>
/// GET /_diagnostics/memory forces full collections and describes the process: tests and developers
/// get it, a deployed app does not (issue 15; docs/performance.md, "Circuit memory").
/// </summary>
public sealed class MemoryDiagnosticsTests
{
    [Fact]
    public async Task InTesting_TheEndpointAnswersTheHeapAfterAFullGc()
    {
        var reading = await ReadInTestingAsync();

        Assert.NotNull(reading);
        Assert.True(reading.ManagedBytes > 0);
        Assert.True(reading.ResidentBytes >= reading.ManagedBytes);
        Assert.Equal(0, reading.OpenCircuits);
        Assert.Equal(0, reading.ClosedCircuitsInMemory);
    }

    [Fact]
    public async Task InTesting_TheEndpointAlsoAnswersTheGcsCommittedMemoryItsSettingsAndTheResidentSplit()
    {
        var reading = await ReadInTestingAsync();

        Assert.NotNull(reading);
        // What the GC has committed holds at least the live heap; the process holds at least that.
        Assert.True(reading.CommittedBytes >= reading.ManagedBytes, $"committed {reading.CommittedBytes} < managed {reading.ManagedBytes}");
        Assert.NotNull(reading.ServerGc);
        Assert.NotNull(reading.ConcurrentGc);
        Assert.True(reading.GcHeapCount >= 1);
        Assert.True(reading.Threads > 1);
        if (OperatingSystem.IsLinux())
        {
            Assert.True(reading.RssAnonBytes > 0);
            Assert.True(reading.RssFileBytes > 0);
            Assert.NotNull(reading.RssShmemBytes);
            // The three parts are the resident set, read a moment apart: equal within a few MB.
            var parts = reading.RssAnonBytes!.Value + reading.RssFileBytes!.Value + reading.RssShmemBytes!.Value;
            Assert.InRange(parts, reading.ResidentBytes - (16L << 20), reading.ResidentBytes + (16L << 20));
            Assert.True(reading.RssAnonBytes >= reading.ManagedBytes, "the managed heap lives in anonymous memory");
        }
        else
        {
            Assert.Null(reading.RssAnonBytes);
        }
    }

    [Fact]
    public async Task InTesting_TheEndpointAlsoAnswersTheMemoryWithTheGcsSpareRoomGivenBack()
    {
        var reading = await ReadInTestingAsync();

        // An aggressive collection decommits what the GC kept beyond the live heap, never the heap itself.
        Assert.NotNull(reading);
        Assert.InRange(reading.CommittedAfterDecommitBytes, reading.ManagedBytes, reading.CommittedBytes);
        Assert.True(reading.ResidentAfterDecommitBytes >= reading.CommittedAfterDecommitBytes,
            $"resident {reading.ResidentAfterDecommitBytes} < committed {reading.CommittedAfterDecommitBytes}");
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task OutsideDevelopmentAndTesting_ThePathIsNotFound(string environment)
    {
        using var app = new EnvironmentAppFactory(environment);
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/_diagnostics/memory", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("managedBytes", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<Reading?> ReadInTestingAsync()
    {
        using var app = new StriveAppFactory();
        using var client = app.CreateClient();
        return await client.GetFromJsonAsync<Reading>("/_diagnostics/memory");
    }

    private sealed record Reading(long ManagedBytes, long ResidentBytes, int OpenCircuits, int ClosedCircuitsInMemory = -1,
        long CommittedBytes = -1, long CommittedAfterDecommitBytes = -1, long ResidentAfterDecommitBytes = -1,
        bool? ServerGc = null, bool? ConcurrentGc = null, long? GcHeapCount = null, long? RssAnonBytes = null,
        long? RssFileBytes = null, long? RssShmemBytes = null, int Threads = -1);

    private sealed class EnvironmentAppFactory(string environment) : StriveAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
        }
    }
}
