using System.Net;
using Orleans.Dashboard;

namespace Orleans.Governance.Silo.Hosting;

/// <summary>
/// The Orleans dashboard has no authentication of its own and shares Kestrel with the public API,
/// so it answers only connections made to a loopback address of the silo's machine (or pod):
/// a browser on that machine, an SSH tunnel, <c>kubectl port-forward</c>. A request that reached
/// the API port from the network gets 404 for it. The local address, not the remote one, is
/// checked: a proxy on the same machine (a service mesh sidecar) may connect from loopback, but
/// it forwards to the pod's own address.
/// </summary>
public static class LoopbackDashboard
{
    public const string RoutePrefix = "/dashboard";

    public static WebApplication MapLoopbackDashboard(this WebApplication app)
    {
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(RoutePrefix) && !Allows(context.Connection),
            refuse => refuse.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }));
        app.MapOrleansDashboard(routePrefix: RoutePrefix);
        return app;
    }

    /// <summary>Was the connection made to a loopback address?</summary>
    public static bool Allows(ConnectionInfo connection) =>
        connection.LocalIpAddress is { } local && IPAddress.IsLoopback(local.IsIPv4MappedToIPv6 ? local.MapToIPv4() : local);
}
