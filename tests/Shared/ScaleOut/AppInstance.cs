using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Strive.Tests.ScaleOut;

/// <summary>
/// One instance of the real app on Kestrel (a free loopback port), over a SQLite file that other
/// instances may share, with Redis:Configuration and InstanceName set as an operator would.
/// </summary>
public sealed class AppInstance : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;

    private AppInstance(Dictionary<string, string?> settings, string environment)
    {
        _settings = settings;
        _environment = environment;
    }

    public string Name => _settings["InstanceName"]!;

    /// <summary>Where it listens, with a trailing slash.</summary>
    public Uri BaseUrl { get; private set; } = default!;

    /// <summary>
    /// Starts an instance named <paramref name="name"/> over <paramref name="databasePath"/> sharing state
    /// through <paramref name="redisConfiguration"/>; "Development" serves the static web assets from the
    /// build, which the browser tests need.
    /// </summary>
    public static AppInstance Start(string name, string databasePath, string redisConfiguration,
        string environment = "Testing", IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Strive"] = $"Data Source={databasePath}",
            ["Redis:Configuration"] = redisConfiguration,
            ["InstanceName"] = name,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var instance = new AppInstance(all, environment);
        instance.UseKestrel(0);
        instance.StartServer();
        var addresses = instance.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        instance.BaseUrl = new Uri(addresses.Addresses.First().TrimEnd('/') + "/");
        return instance;
    }

    /// <summary>An HTTP client for this instance alone, sending <paramref name="apiKey"/> when given.</summary>
    public HttpClient NewClient(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = BaseUrl };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        // UseSetting, not ConfigureAppConfiguration: Program reads these while it builds the app.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
