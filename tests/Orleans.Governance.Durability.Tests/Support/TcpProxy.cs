using System.Net;
using System.Net.Sockets;

namespace Orleans.Governance.Durability.Tests.Support;

/// <summary>
/// A loopback port that relays every connection to another loopback port, holding every chunk
/// of bytes, in both directions, for <see cref="Delay"/> before passing it on (in order): a
/// database that "comes up" when the test starts the proxy on its port, or a slow network or an
/// overloaded database server, as the silos see it. <see cref="Cut"/> stops all traffic, as a
/// partition would, until <see cref="Heal"/>. Either side may be in a <see cref="NetworkNamespace"/>
/// of its own: the proxy is then the only way between that namespace's loopback and this one.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly int _target;
    private readonly NetworkNamespace? _connectIn;
    private readonly Lock _gate = new();
    private long _delayTicks;
    private TaskCompletionSource _open = Opened();

    /// <param name="targetPort">Where connections are relayed.</param>
    /// <param name="port">The proxy's own port; 0 for any free one.</param>
    /// <param name="listenIn">The namespace whose loopback the proxy listens on; null for this process's.</param>
    /// <param name="connectIn">The namespace whose loopback the target port is on; null for this process's.</param>
    public TcpProxy(int targetPort, int port = 0, NetworkNamespace? listenIn = null, NetworkNamespace? connectIn = null)
    {
        (_target, _connectIn) = (targetPort, connectIn);
        _listener = listenIn?.NewTcpSocket() ?? NewSocket();
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
        _listener.Listen(128);
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndPoint!).Port;

    public TimeSpan Delay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _delayTicks));
        set => Interlocked.Exchange(ref _delayTicks, value.Ticks);
    }

    /// <summary>True between <see cref="Cut"/> and <see cref="Heal"/>.</summary>
    public bool IsCut => !Volatile.Read(ref _open).Task.IsCompleted;

    /// <summary>
    /// Nothing passes any more, either way, and new connections are accepted but never relayed:
    /// packets dropped, not refused. No connection is reset; the ends find out by their timeouts,
    /// and TCP's back-pressure holds what they send until <see cref="Heal"/>, which lets it through in order.
    /// </summary>
    public void Cut()
    {
        lock (_gate)
        {
            if (_open.Task.IsCompleted)
            {
                _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>Traffic passes again, held bytes first.</summary>
    public void Heal()
    {
        lock (_gate)
        {
            _open.TrySetResult();
        }
    }

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    private static Socket NewSocket() => new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    private Task PassableAsync() => Volatile.Read(ref _open).Task.WaitAsync(_stop.Token);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket inbound;
            try
            {
                inbound = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(inbound);
        }
    }

    private async Task RelayAsync(Socket inbound)
    {
        using (inbound)
        using (var outbound = _connectIn?.NewTcpSocket() ?? NewSocket())
        {
            try
            {
                await PassableAsync();
                await outbound.ConnectAsync(IPAddress.Loopback, _target, _stop.Token);
                inbound.NoDelay = outbound.NoDelay = true;
                using var inStream = new NetworkStream(inbound, ownsSocket: false);
                using var outStream = new NetworkStream(outbound, ownsSocket: false);
                await Task.WhenAny(PumpAsync(inStream, outStream), PumpAsync(outStream, inStream));
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

                await PassableAsync();
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
        _listener.Dispose();
        await _accepting;
        _stop.Dispose();
    }
}
