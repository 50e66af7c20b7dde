using System.Collections.Concurrent;
using System.Reflection;
using Orleans.Governance.Abstractions;

namespace Orleans.Governance.Grains;

/// <summary>
/// Refuses a <see cref="GrainsOnlyAttribute"/> method to clients connected through a gateway. A
/// grain of the cluster may call it, and so may code running inside a silo (its hosted client,
/// whose id Orleans names <c>hosted-{silo}</c>): the silo's own process is trusted, a connection is not.
/// </summary>
internal sealed class GrainsOnlyFilter : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<MethodInfo, bool> s_grainsOnly = new();

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (s_grainsOnly.GetOrAdd(context.InterfaceMethod, static m => m.IsDefined(typeof(GrainsOnlyAttribute))) && FromConnectedClient(context.SourceId))
        {
            throw new UnauthorizedAccessException(
                $"{context.InterfaceMethod.DeclaringType?.Name}.{context.InterfaceMethod.Name} belongs to the units' and cases' own protocol: a client of the cluster ({context.SourceId}) may not call it.");
        }

        return context.Invoke();
    }

    private static bool FromConnectedClient(GrainId? source) =>
        source is not { } id || (GrainTypePrefix.IsClient(id) && !id.Key.ToString().StartsWith("hosted-", StringComparison.Ordinal));
}
