using Microsoft.Extensions.DependencyInjection;

namespace Strive.Domain;

public static class DomainServiceCollectionExtensions
{
    /// <summary>The domain services both the API and the browser call.</summary>
    public static IServiceCollection AddStriveDomain(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
