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
        using var app = new StriveAppFactory();
        using var client = app.CreateClient();

        var reading = await client.GetFromJsonAsync<Reading>("/_diagnostics/memory");

        Assert.NotNull(reading);
        Assert.True(reading.ManagedBytes > 0);
        Assert.True(reading.ResidentBytes >= reading.ManagedBytes);
        Assert.Equal(0, reading.OpenCircuits);
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

    private sealed record Reading(long ManagedBytes, long ResidentBytes, int OpenCircuits);

    private sealed class EnvironmentAppFactory(string environment) : StriveAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
        }
    }
}
