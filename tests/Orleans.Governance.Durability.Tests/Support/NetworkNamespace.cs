using System.ComponentModel;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Orleans.Governance.Durability.Tests.Support;

/// <summary>
/// A Linux network namespace of a test's own (<c>ip netns</c>, root only) with nothing in it but
/// its own loopback: a process started in it (<see cref="Launcher"/>) reaches no TCP port of this
/// machine's loopback, and no process outside reaches its ports, except through the sockets this
/// class opens inside it (<see cref="NewTcpSocket"/>, which <see cref="TcpProxy"/> relays).
/// Unix sockets are files, not network, so the namespace does not cut them.
/// </summary>
public sealed class NetworkNamespace : IAsyncDisposable
{
    private const int CloneNewNet = 0x40000000;
    private const int ReadOnlyCloseOnExec = 0x80000; // O_RDONLY | O_CLOEXEC

    private NetworkNamespace(string name)
    {
        Name = name;
    }

    public string Name { get; }

    /// <summary>The command prefix that runs a program inside the namespace (<c>ip netns exec</c> execs it: same process id).</summary>
    public IReadOnlyList<string> Launcher => ["ip", "netns", "exec", Name];

    /// <summary>Creates a namespace with its loopback up; fails with the reason when not root.</summary>
    public static async Task<NetworkNamespace> CreateAsync(string prefix)
    {
        var network = new NetworkNamespace($"{prefix}-{Guid.NewGuid():N}"[..15]);
        var (code, output) = await OwnPostgreSql.RunAsync("ip", "netns", "add", network.Name);
        if (code != 0)
        {
            throw new InvalidOperationException($"ip netns add {network.Name} exited with {code}: {output.Trim()} (the isolation fault needs root with CAP_SYS_ADMIN)");
        }

        (code, output) = await OwnPostgreSql.RunAsync("ip", "-n", network.Name, "link", "set", "lo", "up");
        if (code != 0)
        {
            await network.DisposeAsync();
            throw new InvalidOperationException($"ip -n {network.Name} link set lo up exited with {code}: {output.Trim()}");
        }

        return network;
    }

    /// <summary>
    /// A TCP socket that lives in the namespace: its listening and its connecting happen there.
    /// Made on a thread of its own that enters the namespace (setns switches only the calling
    /// thread) and goes back before it ends; a socket keeps the namespace it was created in.
    /// </summary>
    public Socket NewTcpSocket()
    {
        Socket? socket = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            int home = -1, away = -1;
            try
            {
                home = Open("/proc/thread-self/ns/net");
                away = Open($"/run/netns/{Name}");
                Enter(away, Name);
                try
                {
                    socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                }
                finally
                {
                    // Were this to fail, the thread would end in the namespace: no harm, it ends here.
                    Enter(home, "the test's own");
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                _ = home >= 0 ? close(home) : 0;
                _ = away >= 0 ? close(away) : 0;
            }
        });
        thread.Start();
        thread.Join();
        return socket ?? throw new InvalidOperationException($"No socket could be made in network namespace {Name}", failure);
    }

    public async ValueTask DisposeAsync() => await OwnPostgreSql.RunAsync("ip", "netns", "delete", Name);

    private static int Open(string path)
    {
        var fd = open(path, ReadOnlyCloseOnExec);
        return fd >= 0 ? fd : throw new Win32Exception(Marshal.GetLastPInvokeError(), $"open {path}");
    }

    private static void Enter(int fd, string which)
    {
        if (setns(fd, CloneNewNet) != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), $"setns into {which} network namespace");
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int setns(int fd, int nstype);

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi)]
    private static extern int open(string path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);
}
