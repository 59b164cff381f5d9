using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Strive.Web.Cli;

namespace Strive.Web.Tests.Cli;

/// <summary>An admin command keeps stdout for its answer; the web app's logging is left alone.</summary>
public sealed class AdminCommandLineLoggingTests
{
    [Theory]
    [InlineData(true, "admin", "create-api-key")]
    [InlineData(true, "ADMIN", "help")]
    [InlineData(false)]
    [InlineData(false, "--urls", "http://localhost:5057")]
    public void AddAdminCommandLine_QuietsLoggingToStderr_OnlyForAnAdminCommand(bool adminCommand, params string[] args)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddConsole();

        builder.AddAdminCommandLine(args);

        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Strive");
        Assert.Equal(!adminCommand, logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
        var console = host.Services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value;
        Assert.Equal(adminCommand ? LogLevel.Trace : LogLevel.None, console.LogToStandardErrorThreshold);
    }
}
