using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.Cases;

/// <summary>
/// Something an actor asks of a case. The lifecycle decides whether it is legal in the case's
/// current status; <see cref="Actor"/> is a unit id (the unit acting on its own, e.g. its
/// deadline watch) or <c>unitId/staffId</c> (a person of that unit, e.g. a mediator).
/// </summary>
[GenerateSerializer, Immutable, Alias("gov.cmd")]
public abstract record CaseCommand([property: Id(0)] string Actor)
{
    /// <summary>The action this command would record.</summary>
    public abstract CaseAction Action { get; }
}

/// <summary>登记 at the unit that received the case.</summary>
[GenerateSerializer, Immutable, Alias("gov.cmd.register")]
public sealed record RegisterCase(string Actor, [property: Id(0)] CaseIntake Intake) : CaseCommand(Actor)
{
    public override CaseAction Action => CaseAction.Register;
}

/// <summary>三定: grade (hence deadline) and handling department, fixed by the unit.</summary>
[GenerateSerializer, Immutable, Alias("gov.cmd.triage")]
public sealed record TriageCase(string Actor, [property: Id(0)] Grade Grade, [property: Id(1)] DepartmentKind? Department) : CaseCommand(Actor)
{
    public override CaseAction Action => CaseAction.Triage;
}

/// <summary>分派 to a mediator of the unit.</summary>
[GenerateSerializer, Immutable, Alias("gov.cmd.assign")]
public sealed record AssignCase(string Actor, [property: Id(0)] string MediatorId) : CaseCommand(Actor)
{
    public override CaseAction Action => CaseAction.Assign;
}

/// <summary>签收: the assigned mediator signs for the task.</summary>
[GenerateSerializer, Immutable, Alias("gov.cmd.accept")]
public sealed record AcceptCase(string Actor) : CaseCommand(Actor)
{
    public override CaseAction Action => CaseAction.Accept;
}

/// <summary>A mediation session, possibly joint with stationed departments.</summary>
[GenerateSerializer, Immutable, Alias("gov.cmd.session")]
public sealed record HoldSession(string Actor, [property: Id(0)] IReadOnlyList<DepartmentKind> JointDepartments, [property: Id(1)] string? Note = null) : CaseCommand(Actor)
{
    public override CaseAction Action => CaseAction.HoldSession;
}

/// <summary>Agreement reached, optionally judicially confirmed.</summary>
[GenerateSerializer, Immutable, Alias("gov.cmd.resolve")]
public sealed record ResolveCase(string Actor, [property: Id(0)] bool JudicialConfirmation = false) : CaseCommand(Actor)
{
    public override CaseAction Action => CaseAction.Resolve;
}

/// <summary>Mediation failed at this level.</summary>
[GenerateSerializer, Immutable, Alias("gov.cmd.fail")]
public sealed record FailCase(string Actor, [property: Id(0)] string Reason) : CaseCommand(Actor)
{
    public override CaseAction Action => CaseAction.Fail;
}

/// <summary>Send the case to the unit above (or, for a high-risk raise, to the policy's level).</summary>
[GenerateSerializer, Immutable, Alias("gov.cmd.escalate")]
public sealed record EscalateCase(string Actor, [property: Id(0)] EscalationKind Kind, [property: Id(1)] string ToUnitId, [property: Id(2)] Level ToLevel, [property: Id(3)] string? Reason = null) : CaseCommand(Actor)
{
    /// <summary>Stands for the unit above while a case checks that it may escalate, before that unit has admitted it.</summary>
    public const string TargetNotYetKnown = "(next)";

    public override CaseAction Action => CaseAction.Escalate;
}

/// <summary>Refer a failed case to arbitration or litigation.</summary>
[GenerateSerializer, Immutable, Alias("gov.cmd.refer")]
public sealed record ReferCase(string Actor, [property: Id(0)] ReferralTarget Target, [property: Id(1)] string? Reason = null) : CaseCommand(Actor)
{
    public override CaseAction Action => CaseAction.Refer;
}

/// <summary>办结.</summary>
[GenerateSerializer, Immutable, Alias("gov.cmd.close")]
public sealed record CloseCase(string Actor) : CaseCommand(Actor)
{
    public override CaseAction Action => CaseAction.Close;
}

/// <summary>回访 with the party's satisfaction, 1 to 5.</summary>
[GenerateSerializer, Immutable, Alias("gov.cmd.follow-up")]
public sealed record FollowUpCase(string Actor, [property: Id(0)] int Satisfaction) : CaseCommand(Actor)
{
    public override CaseAction Action => CaseAction.FollowUp;
}

/// <summary>The unit's deadline watch: the assigned task is still unsigned.</summary>
[GenerateSerializer, Immutable, Alias("gov.cmd.warn-unsigned")]
public sealed record WarnUnsigned(string Actor) : CaseCommand(Actor)
{
    public override CaseAction Action => CaseAction.WarnUnsigned;
}

/// <summary>The unit's deadline watch: the case is overdue (督办).</summary>
[GenerateSerializer, Immutable, Alias("gov.cmd.supervise")]
public sealed record SuperviseCase(string Actor, [property: Id(0)] string Reason) : CaseCommand(Actor)
{
    public override CaseAction Action => CaseAction.Supervise;
}
