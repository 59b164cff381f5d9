namespace Strive.Tests.Files;

/// <summary>
/// Where the outside programs the tests start live: Debian's locations by default, each overridable by an
/// environment variable for a machine that keeps them elsewhere (README "Running it").
/// </summary>
public static class ToolPath
{
    /// <summary>STRIVE_CHROMIUM, else Debian's /usr/bin/chromium.</summary>
    public static string Chromium => Resolve("STRIVE_CHROMIUM", "/usr/bin/chromium");

    /// <summary>STRIVE_REDIS_SERVER, else Debian's /usr/bin/redis-server.</summary>
    public static string RedisServer => Resolve("STRIVE_REDIS_SERVER", "/usr/bin/redis-server");

    /// <summary>STRIVE_NGINX, else Debian's /usr/sbin/nginx.</summary>
    public static string Nginx => Resolve("STRIVE_NGINX", "/usr/sbin/nginx");

    public static string Resolve(string variable, string debianDefault) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } path ? path : debianDefault;
}
