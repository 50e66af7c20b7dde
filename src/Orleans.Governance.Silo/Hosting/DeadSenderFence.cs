using Microsoft.Extensions.Logging;

namespace Orleans.Governance.Silo.Hosting;

/// <summary>
/// Refuses grain calls sent by a silo the membership has declared dead. A silo cut off from its
/// peers keeps sending until it reads its verdict, and a partition that heals hands those calls
/// over late: a case's registration or escalation replayed from the dead silo's outdated
/// activation, after the case has moved on or closed on the others, would leave a desk holding
/// a case nobody handles. Each silo stamps the calls it sends with its address (Orleans tells a
/// grain call's receiver the calling grain, not its silo); the receiver refuses a stamp the
/// membership says is dead. The storage fence (<see cref="Storage.SiloFence"/>) stops the dead
/// silo's writes; this stops what it asks of the living.
/// </summary>
public sealed partial class DeadSenderFence(ILocalSiloDetails local, IClusterMembershipService membership, ILogger<DeadSenderFence> logger)
    : IOutgoingGrainCallFilter, IIncomingGrainCallFilter
{
    /// <summary>The request-context key of the sending silo's address.</summary>
    public const string SenderKey = "gov-sender";

    public Task Invoke(IOutgoingGrainCallContext context)
    {
        // A turn makes many calls: the stamp is set once, then rides along.
        if (!local.SiloAddress.Equals(RequestContext.Get(SenderKey)))
        {
            RequestContext.Set(SenderKey, local.SiloAddress);
        }

        return context.Invoke();
    }

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (RequestContext.Get(SenderKey) is SiloAddress sender && !sender.Equals(local.SiloAddress)
            && membership.CurrentSnapshot.GetSiloStatus(sender) == SiloStatus.Dead)
        {
            LogRefused(logger, context.InterfaceName, context.MethodName, context.TargetId, sender);
            throw new InvalidOperationException(
                $"{context.InterfaceName}.{context.MethodName} to {context.TargetId} was sent by silo {sender}, which the cluster has declared dead: its grains live on the other silos now, so what it asked is refused.");
        }

        return context.Invoke();
    }

    [LoggerMessage(1, LogLevel.Warning, "Refused a late call {Interface}.{Method} to {Target}: its sender, silo {Sender}, is declared dead")]
    private static partial void LogRefused(ILogger logger, string @interface, string method, GrainId target, SiloAddress sender);
}
