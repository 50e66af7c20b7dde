namespace Orleans.Governance.Tests.Properties;

/// <summary>What one step of the lifecycle machine does to a case.</summary>
public enum StepKind
{
    Register,
    Accept,
    Session,
    Resolve,
    Fail,

    /// <summary>A person asks to send the failed case up (<c>ICaseGrain.EscalateAsync</c>).</summary>
    Escalate,
    Refer,
    Close,
    FollowUp,

    /// <summary>A command only units take (triage, assign, warn, supervise, escalate), sent by a person: always refused.</summary>
    UnitOnly,

    /// <summary>The shared fake clock moves on; the units' deadline watches fire what fell due.</summary>
    Advance,
}
