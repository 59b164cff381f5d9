using System.Text.Json;

namespace Strive.Web.Tests.Infrastructure;

/// <summary>
/// What the deployed app's runtime is told (Strive.Web.runtimeconfig.json, built from Strive.Web.csproj):
/// the GC settings that decide how much memory each open board costs (issue 15; docs/performance.md,
/// "Circuit memory"). The tests themselves run in the test host's runtime, so the file is what can be checked.
/// </summary>
public sealed class RuntimeConfigTests
{
    [Fact]
    public void TheAppRunsTheWorkstationGc()
    {
        var file = Path.Combine(Path.GetDirectoryName(typeof(Program).Assembly.Location)!, "Strive.Web.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(file));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
    }
}
