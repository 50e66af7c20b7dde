using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Tests.Properties;

/// <summary>One generated step: a command from a role, or a clock advance. Prints as one short line.</summary>
public sealed record LifecycleStep(StepKind Kind, ActorRole Role = ActorRole.Mediator)
{
    /// <summary>Register: the level of the unit that received the case.</summary>
    public Level Origin { get; init; }

    public CaseType Type { get; init; } = CaseType.Labour;

    public bool HighRisk { get; init; }

    public bool LongStanding { get; init; }

    /// <summary>Follow-up: 1 to 5 is valid, 0 and 6 are not.</summary>
    public int Satisfaction { get; init; }

    /// <summary>UnitOnly: which unit command a person tries.</summary>
    public CaseAction UnitAction { get; init; }

    /// <summary>Advance: how far the clock moves.</summary>
    public TimeSpan By { get; init; }

    /// <summary>The action a receipt's refusal names for this step.</summary>
    public CaseAction Action => Kind switch
    {
        StepKind.Register => CaseAction.Register,
        StepKind.Accept => CaseAction.Accept,
        StepKind.Session => CaseAction.HoldSession,
        StepKind.Resolve => CaseAction.Resolve,
        StepKind.Fail => CaseAction.Fail,
        StepKind.Escalate => CaseAction.Escalate,
        StepKind.Refer => CaseAction.Refer,
        StepKind.Close => CaseAction.Close,
        StepKind.FollowUp => CaseAction.FollowUp,
        StepKind.UnitOnly => UnitAction,
        _ => throw new InvalidOperationException($"{Kind} is not a command."),
    };

    public override string ToString() => Kind switch
    {
        StepKind.Register => $"Register at {Origin} ({Type}{(HighRisk ? ", high risk" : "")}{(LongStanding ? ", long-standing" : "")})",
        StepKind.FollowUp => $"FollowUp({Satisfaction}) by {Role}",
        StepKind.UnitOnly => $"{UnitAction} (a unit's command) by {Role}",
        StepKind.Advance => $"Advance {By.TotalHours:0.#} h",
        _ => $"{Kind} by {Role}",
    };
}
