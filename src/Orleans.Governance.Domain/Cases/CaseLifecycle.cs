using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.Cases;

/// <summary>
/// The case lifecycle as a pure state machine: <see cref="Decide"/> checks a command against the
/// case and the policy and returns the audit entry it would append (or a refusal naming the
/// status and the attempted action); <see cref="Evolve"/> folds an entry into the case.
/// </summary>
public static class CaseLifecycle
{
    private static readonly CaseStatus[] s_workInProgress = [CaseStatus.Triaged, CaseStatus.Assigned, CaseStatus.Accepted, CaseStatus.InMediation, CaseStatus.Failed];

    /// <summary>Decides a command at <paramref name="now"/>; never changes <paramref name="file"/>.</summary>
    public static CaseDecision Decide(CaseFile file, CaseCommand command, DateTimeOffset now, GovernancePolicy policy)
    {
        if (file.Status == CaseStatus.New && command is not RegisterCase)
        {
            return Refuse(file, command, "The case has not been registered.");
        }

        // Each accepted command makes its entry once, with its own fields set in the same go.
        return command switch
        {
            RegisterCase c => file.Status != CaseStatus.New
                ? Refuse(file, c, "It is already registered.")
                : Accept(new AuditEntry(now, c.Actor, CaseAction.Register, c.Intake.Unit.Id, c.Intake.Unit.Level) { Reason = c.Intake.Channel.ToString() }),
            TriageCase c => RequireUnit(file, c) ?? Require(file, c, CaseStatus.Registered)
                ?? Accept(new AuditEntry(now, c.Actor, c.Action, file.UnitId!, file.Level) { Grade = c.Grade, Department = c.Department }),
            AssignCase c => RequireUnit(file, c) ?? Require(file, c, CaseStatus.Triaged)
                ?? Accept(new AuditEntry(now, c.Actor, c.Action, file.UnitId!, file.Level) { MediatorId = c.MediatorId }),
            AcceptCase c => RequireMediator(file, c) ?? Require(file, c, CaseStatus.Assigned)
                ?? Accept(Entry(file, c, now)),
            HoldSession c => RequireMediator(file, c) ?? Require(file, c, CaseStatus.Accepted, CaseStatus.InMediation)
                ?? Accept(new AuditEntry(now, c.Actor, c.Action, file.UnitId!, file.Level) { Reason = c.Note, JointDepartments = c.JointDepartments }),
            ResolveCase c => RequireMediator(file, c) ?? Require(file, c, CaseStatus.InMediation)
                ?? Accept(new AuditEntry(now, c.Actor, c.Action, file.UnitId!, file.Level) { JudicialConfirmation = c.JudicialConfirmation }),
            FailCase c => RequireMediator(file, c) ?? Require(file, c, CaseStatus.Accepted, CaseStatus.InMediation)
                ?? Accept(new AuditEntry(now, c.Actor, c.Action, file.UnitId!, file.Level) { Reason = c.Reason }),
            EscalateCase c => DecideEscalation(file, c, now, policy),
            ReferCase c => RequireStaff(file, c) ?? Require(file, c, CaseStatus.Failed)
                ?? Accept(new AuditEntry(now, c.Actor, c.Action, file.UnitId!, file.Level) { Referral = c.Target, Reason = c.Reason }),
            CloseCase c => RequireStaff(file, c) ?? Require(file, c, CaseStatus.Resolved, CaseStatus.Referred)
                ?? Accept(Entry(file, c, now)),
            FollowUpCase c => c.Satisfaction is < 1 or > 5
                ? Refuse(file, c, $"Satisfaction must be 1 to 5, got {c.Satisfaction}.")
                : RequireStaff(file, c) ?? Require(file, c, CaseStatus.Closed) ?? Accept(new AuditEntry(now, c.Actor, c.Action, file.UnitId!, file.Level) { Satisfaction = c.Satisfaction }),
            WarnUnsigned c => RequireUnit(file, c) ?? Require(file, c, CaseStatus.Assigned) ?? Accept(Entry(file, c, now)),
            SuperviseCase c => RequireUnit(file, c) ?? (file.IsActive ? Accept(new AuditEntry(now, c.Actor, c.Action, file.UnitId!, file.Level) { Reason = c.Reason }) : Refuse(file, c, "Only an active case can be supervised.")),
            _ => Refuse(file, command, $"Unknown command {command.GetType().Name}."),
        };
    }

    /// <summary>
    /// Folds one audit entry into the case: the only way a case changes. A working file
    /// (<see cref="CaseFile.Working"/>) changes in place; any other is copied, so no version of it ever changes.
    /// </summary>
    public static CaseFile Evolve(CaseFile file, AuditEntry entry, CaseIntake? intake = null)
    {
        var next = file;
        if (file.Trail is WorkingTrail working)
        {
            working.Add(entry);
        }
        else
        {
            next = file with { Trail = Appended(file.Trail, entry) };
        }

        next.Status = StatusAfter(entry.Action) ?? next.Status;
        switch (entry.Action)
        {
            case CaseAction.Register:
                (next.Intake, next.UnitId, next.Level) = (intake ?? file.Intake, entry.UnitId, entry.Level);
                break;
            case CaseAction.Triage:
                (next.Grade, next.Department) = (entry.Grade, entry.Department);
                break;
            case CaseAction.Assign:
                next.MediatorId = entry.MediatorId;
                break;
            case CaseAction.Escalate:
                (next.UnitId, next.Level, next.Grade, next.Department, next.MediatorId) = (entry.UnitId, entry.Level, null, null, null);
                break;
            case CaseAction.FollowUp:
                next.Satisfaction = entry.Satisfaction;
                break;
        }

        return next;
    }

    /// <summary>
    /// The status an action leaves a case in, wherever the case stands; null for the entries that
    /// change no status (a warning, a supervision). The one mapping: units read it too.
    /// </summary>
    public static CaseStatus? StatusAfter(CaseAction action) => action switch
    {
        CaseAction.Register or CaseAction.Escalate => CaseStatus.Registered,
        CaseAction.Triage => CaseStatus.Triaged,
        CaseAction.Assign => CaseStatus.Assigned,
        CaseAction.Accept => CaseStatus.Accepted,
        CaseAction.HoldSession => CaseStatus.InMediation,
        CaseAction.Resolve => CaseStatus.Resolved,
        CaseAction.Fail => CaseStatus.Failed,
        CaseAction.Refer => CaseStatus.Referred,
        CaseAction.Close => CaseStatus.Closed,
        CaseAction.FollowUp => CaseStatus.FollowedUp,
        _ => null,
    };

    /// <summary>Decides and folds in one step; the case is returned unchanged with the refusal.</summary>
    public static (CaseFile File, CaseRefusal? Refusal) Apply(CaseFile file, CaseCommand command, DateTimeOffset now, GovernancePolicy policy)
    {
        var decision = Decide(file, command, now, policy);
        return decision.Entry is { } entry
            ? (Evolve(file, entry, (command as RegisterCase)?.Intake), null)
            : (file, decision.Refusal);
    }

    /// <summary>The trail with one more entry, copied into an array.</summary>
    private static AuditEntry[] Appended(IReadOnlyList<AuditEntry> trail, AuditEntry entry)
    {
        var appended = new AuditEntry[trail.Count + 1];
        if (trail is AuditEntry[] entries)
        {
            entries.CopyTo(appended, 0);
        }
        else
        {
            for (var i = 0; i < trail.Count; i++)
            {
                appended[i] = trail[i];
            }
        }

        appended[^1] = entry;
        return appended;
    }

    private static CaseDecision DecideEscalation(CaseFile file, EscalateCase c, DateTimeOffset now, GovernancePolicy policy)
    {
        if (file.Level == Level.City)
        {
            return Refuse(file, c, "It is already at the city centre, the top level: refer it instead.");
        }

        var refusal = c.Kind switch
        {
            EscalationKind.Failure => RequireStaff(file, c) ?? Require(file, c, CaseStatus.Failed),
            EscalationKind.Overdue => RequireUnit(file, c) ?? Require(file, c, s_workInProgress),
            EscalationKind.HighRiskRaise => RequireUnit(file, c) ?? Require(file, c, CaseStatus.Triaged)
                ?? (EscalationPath.NeedsHighRiskRaise(file, policy) ? null : Refuse(file, c, $"Only a high-risk case below {policy.HighRiskRaiseTo} is raised; this one is {file.Grade} at {file.Level}.")),
            _ => Refuse(file, c, $"Unknown escalation kind {c.Kind}."),
        };
        if (refusal is { } r)
        {
            return r;
        }

        var expected = EscalationPath.TargetLevel(file.Level, c.Kind, policy);
        return c.ToLevel != expected
            ? Refuse(file, c, $"A {c.Kind} escalation from {file.Level} goes to {expected}, not {c.ToLevel}.")
            : Accept(new AuditEntry(now, c.Actor, CaseAction.Escalate, c.ToUnitId, c.ToLevel) { Escalation = c.Kind, Reason = c.Reason });
    }

    private static AuditEntry Entry(CaseFile file, CaseCommand command, DateTimeOffset now) =>
        new(now, command.Actor, command.Action, file.UnitId!, file.Level);

    private static CaseDecision Accept(AuditEntry entry) => CaseDecision.Accept(entry);

    private static CaseDecision Refuse(CaseFile file, CaseCommand command, string reason) =>
        CaseDecision.Refuse(new CaseRefusal(file.CaseId, file.Status, command.Action, reason));

    private static CaseDecision? Require(CaseFile file, CaseCommand command, params ReadOnlySpan<CaseStatus> allowed) =>
        allowed.Contains(file.Status)
            ? null
            : Refuse(file, command, $"{command.Action} needs the case to be {string.Join(" or ", allowed.ToArray())}.");

    /// <summary>The unit itself acts (triage, assignment, its deadline watch).</summary>
    private static CaseDecision? RequireUnit(CaseFile file, CaseCommand command) =>
        command.Actor == file.UnitId ? null : Refuse(file, command, $"Only unit {file.UnitId} itself may do this, not {command.Actor}.");

    /// <summary>The unit or one of its people (e.g. its head closing a case).</summary>
    private static CaseDecision? RequireStaff(CaseFile file, CaseCommand command) =>
        Actors.BelongsTo(command.Actor, file.UnitId!) ? null : Refuse(file, command, $"{command.Actor} is not staff of unit {file.UnitId}.");

    /// <summary>Only the mediator who holds the task (首办负责).</summary>
    private static CaseDecision? RequireMediator(CaseFile file, CaseCommand command) =>
        command.Actor == file.MediatorId ? null : Refuse(file, command, $"Only the assigned mediator {file.MediatorId ?? "(none)"} may do this, not {command.Actor}.");
}
