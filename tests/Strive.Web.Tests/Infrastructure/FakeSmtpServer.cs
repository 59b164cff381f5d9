using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Strive.Web.Tests.Infrastructure;

/// <summary>
/// Just enough of an SMTP server on loopback to receive what the app sends, so the email switch is
/// tested over a real socket with the real sender.
/// </summary>
public sealed partial class FakeSmtpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _messages = [];

    public FakeSmtpServer()
    {
        _listener.Start();
        _ = Task.Run(AcceptLoopAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The decoded bodies received so far.</summary>
    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                await ServeAsync(client);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 fake ESMTP");
        while (await reader.ReadLineAsync() is { } line)
        {
            var command = line.Split(' ')[0].ToUpperInvariant();
            switch (command)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250 fake");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 go ahead");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                    {
                        data.Append(dataLine).Append("\r\n");
                    }

                    lock (_messages)
                    {
                        _messages.Add(Decode(data.ToString()));
                    }

                    await writer.WriteLineAsync("250 queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 ok");
                    break;
            }
        }
    }

    private static string Decode(string message)
    {
        var split = message.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = message[..split];
        var body = message[(split + 4)..];
        if (headers.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase))
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", "", StringComparison.Ordinal)));
        }

        if (headers.Contains("Content-Transfer-Encoding: quoted-printable", StringComparison.OrdinalIgnoreCase))
        {
            body = body.Replace("=\r\n", "", StringComparison.Ordinal);
            return QuotedByte().Replace(body, m => ((char)Convert.ToByte(m.Groups[1].Value, 16)).ToString());
        }

        return body;
    }

    [GeneratedRegex("=([0-9A-F]{2})")]
    private static partial Regex QuotedByte();

    public void Dispose()
    {
        // Safe to call twice (the app factory may dispose its fixture more than once).
        if (!_stop.IsCancellationRequested)
        {
            _stop.Cancel();
            _listener.Stop();
        }
    }
}
