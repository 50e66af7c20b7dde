using System.Net;
using System.Net.Sockets;

namespace Orleans.Governance.Durability.Tests.Support;

/// <summary>
/// A loopback port that relays every connection to another loopback port (PostgreSQL's), holding
/// every chunk of bytes, in both directions, for <see cref="Delay"/> before passing it on (in
/// order): a database that "comes up" when the test starts the proxy on its port, or a slow
/// network or an overloaded database server, as the silos see it.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly int _target;
    private long _delayTicks;

    /// <param name="targetPort">Where connections are relayed.</param>
    /// <param name="port">The proxy's own port; 0 for any free one.</param>
    public TcpProxy(int targetPort, int port = 0)
    {
        _target = targetPort;
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public TimeSpan Delay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _delayTicks));
        set => Interlocked.Exchange(ref _delayTicks, value.Ticks);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(inbound);
        }
    }

    private async Task RelayAsync(TcpClient inbound)
    {
        using (inbound)
        using (var outbound = new TcpClient())
        {
            try
            {
                await outbound.ConnectAsync(IPAddress.Loopback, _target, _stop.Token);
                inbound.NoDelay = outbound.NoDelay = true;
                await Task.WhenAny(PumpAsync(inbound.GetStream(), outbound.GetStream()), PumpAsync(outbound.GetStream(), inbound.GetStream()));
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or IOException)
            {
                // One side went away: close both, as a network would.
            }
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                if (Delay is { Ticks: > 0 } delay)
                {
                    await Task.Delay(delay, _stop.Token);
                }

                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // Closed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
