using System.Net;
using System.Net.Sockets;

namespace Orleans.Governance.Tests.Shared;

/// <summary>
/// A loopback port nobody listens on now, for a silo or web host of a test's own. Taken below
/// Linux's ephemeral range (32768 and up), never from it: a port the kernel handed out for a probe
/// goes back into the pool that outgoing connections draw their local ports from, and the test
/// assemblies beside this one open hundreds of them, so a silo once found its port already taken
/// by a database connection. Below 22000 so that it never meets the fixed cluster and PostgreSQL
/// ports of the fault tests (22000s, 32000s) and the tests' PostgreSQL (26000s).
/// </summary>
internal static class FreePort
{
    private const int First = 10_000;
    private const int Count = 12_000;

    // Each test process walks the range from its own starting point, so that two test assemblies
    // running at once rarely probe the same ports, and never hands out a port twice.
    private static int s_next = Random.Shared.Next(Count);
    private static readonly Lock s_gate = new();

    public static int Next()
    {
        lock (s_gate)
        {
            for (var tried = 0; tried < Count; tried++)
            {
                var port = First + (s_next++ % Count);
                if (IsFree(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free loopback port in {First}-{First + Count - 1}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
