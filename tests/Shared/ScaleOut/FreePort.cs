using System.Net;
using System.Net.Sockets;

namespace Strive.Tests.ScaleOut;

public static class FreePort
{
    /// <summary>A loopback port nobody listens on now (the OS picks it), for a server the test starts.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
