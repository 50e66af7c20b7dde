using System.Net;
using System.Net.Sockets;

namespace Orleans.Governance.Tests.Shared;

/// <summary>A loopback port nobody listens on now, for a silo or web host of a test's own.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
