using Microsoft.Extensions.DependencyInjection.Extensions;
using Strive.Domain.ApiKeys;
using Strive.Domain.Events;
using Strive.Web.Api.RateLimiting;

namespace Strive.Web.ScaleOut;

public static class ScaleOutExtensions
{
    /// <summary>
    /// Several instances behind a load balancer (README "Running several instances"): with
    /// Redis:Configuration set, the rate-limit counters, goal change notices and key-cache invalidations
    /// are shared through Redis. Empty, nothing changes: one process holds them, as on one machine.
    /// Call after the domain and the API are added: it replaces their in-process parts.
    /// </summary>
    public static IHostApplicationBuilder AddStriveScaleOut(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<InstanceInfo>();
        var section = builder.Configuration.GetSection(RedisOptions.SectionName);
        services.Configure<RedisOptions>(section);
        if (!(section.Get<RedisOptions>()?.Enabled ?? false))
        {
            return builder;
        }

        // Hosted services start in the order they are added: the connection before its subscribers.
        services.AddSingleton<RedisConnection>();
        services.AddHostedService(sp => sp.GetRequiredService<RedisConnection>());

        services.AddSingleton<InProcessGoalChangeNotifier>();
        services.AddSingleton<RedisGoalChangeNotifier>();
        services.Replace(ServiceDescriptor.Singleton<IGoalChangeNotifier>(sp => sp.GetRequiredService<RedisGoalChangeNotifier>()));
        services.AddHostedService(sp => sp.GetRequiredService<RedisGoalChangeNotifier>());

        services.AddSingleton<RedisApiKeyCache>();
        services.Replace(ServiceDescriptor.Singleton<IApiKeyCache>(sp => sp.GetRequiredService<RedisApiKeyCache>()));
        services.AddHostedService(sp => sp.GetRequiredService<RedisApiKeyCache>());

        services.Replace(ServiceDescriptor.Singleton<IApiRateLimiter, RedisApiRateLimiter>());
        return builder;
    }
}
