namespace Strive.Web.Security;

/// <summary>
/// The "ForwardedHeaders" configuration section: whether the app sits behind a reverse proxy that
/// terminates TLS, and which proxies it believes. Off by default: a client could otherwise claim HTTPS.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Read X-Forwarded-For and X-Forwarded-Proto from the proxies below.</summary>
    public bool Enabled { get; set; }

    /// <summary>Proxy addresses (for example "10.0.0.5"); loopback when neither list is set.</summary>
    public IReadOnlyList<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation (for example "10.0.0.0/8"; "0.0.0.0/0" and "::/0" trust any).</summary>
    public IReadOnlyList<string> KnownNetworks { get; set; } = [];
}
