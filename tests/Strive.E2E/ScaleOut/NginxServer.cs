using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Strive.Tests.Files;
using Strive.Tests.ScaleOut;

namespace Strive.E2E.ScaleOut;

/// <summary>
/// Debian's nginx (installed by ./test.sh) running the repository's own deploy/nginx/strive.conf, with
/// only what differs on a test machine replaced: the instances' ports, free loopback ports to listen
/// on, and a throwaway self-signed certificate. Everything else (sticky sessions, WebSocket upgrade,
/// forwarded headers) is the file an operator installs.
/// </summary>
public sealed partial class NginxServer : IAsyncDisposable
{
    private static readonly string Executable = ToolPath.Nginx;
    private readonly string _folder;
    private Process? _process;

    private NginxServer(string folder, int httpsPort)
    {
        _folder = folder;
        BaseUrl = new Uri($"https://127.0.0.1:{httpsPort}/");
    }

    /// <summary>Where browsers reach the instances, over TLS, with a trailing slash.</summary>
    public Uri BaseUrl { get; }

    public static async Task<NginxServer> StartAsync(string folder, IEnumerable<Uri> instances)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException(
                $"{Executable} is missing: run ./test.sh as root (it installs nginx) or apt-get install nginx.");
        }

        Directory.CreateDirectory(folder);
        // The workers drop to an unprivileged user when the tests run as root: they must write here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        }
        var server = new NginxServer(folder, FreePort.Next());
        server.WriteConfiguration(instances, server.BaseUrl.Port, FreePort.Next());
        await server.RunAsync();
        return server;
    }

    private void WriteConfiguration(IEnumerable<Uri> instances, int httpsPort, int httpPort)
    {
        var site = File.ReadAllText(Path.Combine(RepositoryRoot(), "deploy", "nginx", "strive.conf"));
        var upstreams = string.Concat(instances.Select(i =>
            $"    server 127.0.0.1:{i.Port} max_fails=1 fail_timeout=10s;\n"));
        site = UpstreamServers().Replace(site, "", 1);
        site = site.Replace("    keepalive 16;", upstreams + "    keepalive 16;", StringComparison.Ordinal);
        site = Require(site, "listen 80;", $"listen 127.0.0.1:{httpPort};");
        site = Require(site, "listen 443 ssl http2;", $"listen 127.0.0.1:{httpsPort} ssl http2;");
        var (certificate, key) = WriteCertificate();
        site = Require(site, "/etc/ssl/certs/strive.pem", certificate);
        site = Require(site, "/etc/ssl/private/strive.key", key);
        File.WriteAllText(Path.Combine(_folder, "strive.conf"), site);

        File.WriteAllText(Path.Combine(_folder, "nginx.conf"), $$"""
            daemon off;
            worker_processes 1;
            pid {{_folder}}/nginx.pid;
            error_log {{_folder}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{_folder}}/client-body;
                proxy_temp_path {{_folder}}/proxy;
                fastcgi_temp_path {{_folder}}/fastcgi;
                uwsgi_temp_path {{_folder}}/uwsgi;
                scgi_temp_path {{_folder}}/scgi;
                include {{_folder}}/strive.conf;
            }
            """);
    }

    private async Task RunAsync()
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-p", _folder, "-c", Path.Combine(_folder, "nginx.conf"), "-e", Path.Combine(_folder, "error.log") })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", BaseUrl.Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(50);
            }
            catch (SocketException e)
            {
                var log = File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : "";
                throw new InvalidOperationException($"nginx did not listen on {BaseUrl}: {log}", e);
            }
        }
    }

    /// <summary>A certificate for 127.0.0.1 valid for a day, as PEM files nginx reads.</summary>
    private (string Certificate, string Key) WriteCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certificatePath = Path.Combine(_folder, "strive.pem");
        var keyPath = Path.Combine(_folder, "strive.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, rsa.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    private static string Require(string text, string find, string replacement) =>
        text.Contains(find, StringComparison.Ordinal)
            ? text.Replace(find, replacement, StringComparison.Ordinal)
            : throw new InvalidOperationException($"deploy/nginx/strive.conf no longer has \"{find}\": update this test with it.");

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Strive.Web.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Strive.Web.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\s*server 127\.0\.0\.1:\d+ [^\n]*\n(\s*server 127\.0\.0\.1:\d+ [^\n]*\n)*", RegexOptions.Multiline)]
    private static partial Regex UpstreamServers();

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }
}
