using Microsoft.Extensions.DependencyInjection;
using Strive.Web.Client.Components.Time;

namespace Strive.Web.Client;

public static class ReaderTimeZoneServiceCollectionExtensions
{
    /// <summary>
    /// One <see cref="ReaderTimeZone"/> per circuit (a scope), and its <see cref="ReaderClock"/> as a
    /// cascading value for every component, dialogs included. Needs a <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddReaderTimeZone(this IServiceCollection services)
    {
        services.AddScoped<ReaderTimeZone>();
        services.AddCascadingValue(sp => sp.GetRequiredService<ReaderTimeZone>().Source);
        return services;
    }
}
