using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Strive.Domain.ApiKeys;

/// <summary>Writes the lastUsedAt times <see cref="ApiKeyUsage"/> noted, as soon as there are some; and once more at shutdown.</summary>
public sealed class ApiKeyUsageWorker(ApiKeyUsage usage, ILogger<ApiKeyUsageWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await usage.WaitForWorkAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await usage.FlushAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A failed write (database briefly away) loses a lastUsedAt, never the worker.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Writing API keys' lastUsedAt failed");
        }
    }
}
