using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Orleans.Runtime.Messaging;

namespace Orleans.Governance.Simulation.Load;

/// <summary>
/// Why a client could not connect to the cluster, said in terms of what to change. Orleans
/// reports every failed attempt as a <see cref="ConnectionFailedException"/>; the cause is its
/// innermost exception. A gateway closes a connection without a word when it runs TLS and the
/// client does not (or presents a certificate it does not accept), and often when the client's
/// cluster id is not its own, so the client sees only "connection closed": the description names
/// the settings that lead there.
/// </summary>
public static class ConnectionProblem
{
    /// <summary>
    /// A refusal that trying again cannot change: the gateway runs under another cluster id (said in
    /// its handshake, when there is no TLS). Everything else may be a silo starting or restarting.
    /// </summary>
    public static bool IsFinal(Exception exception) => Cause(exception) is { } cause && IsOtherCluster(cause);

    /// <summary>The innermost cause of a failed attempt; null when Orleans kept it to itself (a gateway in Orleans' own back-off: "will retry after …").</summary>
    public static Exception? Cause(Exception exception)
    {
        var cause = exception;
        while (cause is ConnectionFailedException)
        {
            if (cause.InnerException is null)
            {
                return null;
            }

            cause = cause.InnerException;
        }

        return cause;
    }

    /// <summary>One sentence: what failed, and which setting of the silo or option of <c>load</c> to look at.</summary>
    public static string Describe(Exception cause, LoadSettings settings)
    {
        var target = settings.Postgres is null ? $"The gateway {settings.Gateway}" : "A gateway of the membership table";
        if (IsRefused(cause))
        {
            return settings.Postgres is null
                ? $"{target} refused the connection ({cause.Message}): nothing listens there. Is the silo running, and is {settings.Gateway.Port} its Governance:GatewayPort?"
                : $"{target} refused the connection ({cause.Message}): a silo listed as active there is not running.";
        }

        if (IsOtherCluster(cause))
        {
            return $"{target} belongs to another cluster ({cause.Message}): give the silo's Governance:ClusterId with --cluster-id.";
        }

        // Both ends check the other's cluster id at once: which one speaks first is a race, so a
        // closed connection may also mean another cluster id.
        if (IsClosed(cause))
        {
            return settings.Tls is null
                ? $"{target} closed the connection before Orleans' handshake ({cause.Message}). A silo does that when it runs TLS (Governance:Tls) and the client presents no certificate of the cluster "
                  + $"(give load --tls-certificate and --tls-key, or --tls-pfx, with --tls-ca), or when --cluster-id '{settings.Cluster.ClusterId}' is not its Governance:ClusterId."
                : $"{target} closed the TLS connection ({cause.Message}). The silo must run TLS (Governance:Tls) with the CA of --tls-ca and accept this certificate (one issued by that CA), "
                  + $"and --cluster-id '{settings.Cluster.ClusterId}' must be its Governance:ClusterId.";
        }

        return $"{target}: {cause.Message}";
    }

    // Orleans wraps the socket's error in its own exception, which says "Error: ConnectionRefused".
    private static bool IsRefused(Exception cause) =>
        cause is SocketException { SocketErrorCode: SocketError.ConnectionRefused }
        || cause.Message.Contains(nameof(SocketError.ConnectionRefused), StringComparison.Ordinal);

    // Orleans' client checks the gateway's handshake: "Unexpected cluster id "X", expected "Y"".
    private static bool IsOtherCluster(Exception cause) =>
        cause is InvalidOperationException && cause.Message.StartsWith("Unexpected cluster id", StringComparison.Ordinal);

    // The TLS layer says "Underlying connection closed"; Orleans' handshake "Connection terminated prematurely".
    private static bool IsClosed(Exception cause) =>
        cause is ConnectionAbortedException or ConnectionResetException or IOException
        || (cause is InvalidOperationException && cause.Message.Contains("terminated", StringComparison.Ordinal));
}
