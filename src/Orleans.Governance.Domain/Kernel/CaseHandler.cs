using Microsoft.Extensions.Logging;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.Kernel;

/// <summary>
/// Every decision one case takes, whichever host runs it: it asks the lifecycle whether a command
/// is legal, folds in what the units answer, stores the file and only then answers, so that an
/// acknowledged transition is never lost. Calls go from the case to its unit, never back
/// synchronously (units answer cases with one-way posts), so no cycle of waiting cases and units can form.
/// </summary>
public sealed partial class CaseHandler(string caseId, ICasePorts ports, ILogger logger)
{
    /// <summary>The policy of a case no unit has admitted yet (only its refusals use it).</summary>
    private static readonly GovernancePolicy s_unadmittedPolicy = new();

    // A case talks to the unit holding it many times in a row: one reference, the one the unit admitted it with, serves them all.
    private UnitRef? _unit;

    public CaseFile File => ports.State.File ??= CaseFile.Empty(caseId);

    private GovernancePolicy Policy => ports.State.Policy ?? s_unadmittedPolicy;

    private DateTimeOffset Now => ports.Now;

    /// <summary>The answer a client gets: where the case stands now, and the refusal of its command, if it was refused.</summary>
    public CaseReceipt Receipt(CaseRefusal? refusal = null) => CaseReceipt.Of(File, refusal);

    /// <summary>Registers the case; answers with the refusal, if refused (<see cref="Receipt"/> tells the rest).</summary>
    public async ValueTask<CaseRefusal?> RegisterAsync(CaseIntake intake, string actor)
    {
        var (registered, refusal) = CaseLifecycle.Apply(File, new RegisterCase(actor, intake), Now, Policy);
        if (refusal is not null)
        {
            // A client retrying after a lost answer gets the answer it missed.
            return Retries.SameIntake(File.Intake, intake) ? null : Refused(refusal);
        }

        var admission = await ports.AdmitAsync(intake.Unit, registered.Facts);
        var file = Admit(registered, admission);
        if (EscalationPath.NeedsHighRiskRaise(file, admission.Policy))
        {
            file = await PassUpAsync(file, admission.Policy, new EscalateCase(file.UnitId!, EscalationKind.HighRiskRaise, "", admission.Policy.HighRiskRaiseTo, "high-risk triage"));
        }

        await SaveAsync(file, admission.Policy);
        LogRegistered(logger, file.CaseId, intake.Channel, intake.Type, file.UnitId, file.Status);
        return null;
    }

    /// <summary>Runs a person's command; answers with the refusal, if refused.</summary>
    public async ValueTask<CaseRefusal?> ExecuteAsync(CaseCommand command)
    {
        if (command is RegisterCase or TriageCase or AssignCase or EscalateCase or WarnUnsigned or SuperviseCase)
        {
            return Refused(new CaseRefusal(File.CaseId, File.Status, command.Action, "This action is taken by the units, not by a person's command."));
        }

        var (file, refusal) = CaseLifecycle.Apply(File, command, Now, Policy);
        if (refusal is not null)
        {
            if (Retries.LastEntryRepeatedBy(File, command) is not { } repeated)
            {
                return Refused(refusal);
            }

            // The command was applied but its answer was lost: answer as before. If nothing has
            // happened since, the unit may not have heard of it either: tell it again (it ignores
            // what it already knows).
            if (Retries.IsLatestTransition(File, repeated))
            {
                await ReportAsync(File, repeated);
            }

            return null;
        }

        // Stored first, then reported: an acknowledged transition is durable, and a failed report
        // is repaired by the client's retry above.
        await SaveAsync(file, Policy);
        await ReportAsync(file, file.Trail[^1]);
        return null;
    }

    public async ValueTask<CaseReceipt> ActAsync(CaseCommand command, int expectedVersion)
    {
        if (File.Trail.Count != expectedVersion)
        {
            return Receipt() with { StaleVersion = true };
        }

        return Receipt(command is EscalateCase { Kind: EscalationKind.Failure } escalate
            ? await EscalateAsync(escalate.Actor, escalate.Reason ?? "")
            : await ExecuteAsync(command));
    }

    /// <summary>A person sends a failed case one level up (网格吹哨 at a grid); answers with the refusal, if refused.</summary>
    public async ValueTask<CaseRefusal?> EscalateAsync(string actor, string reason)
    {
        var escalate = new EscalateCase(actor, EscalationKind.Failure, EscalateCase.TargetNotYetKnown, EscalationPath.TargetLevel(File.Level, EscalationKind.Failure, Policy), reason);
        var refusal = CaseLifecycle.Decide(File, escalate, Now, Policy).Refusal;
        if (refusal is not null)
        {
            return Retries.LastEntryRepeatedBy(File, escalate) is null ? Refused(refusal) : null;
        }

        await EscalateStoredAsync(escalate);
        return null;
    }

    /// <summary>The unit gave the queued case to a mediator who became free.</summary>
    public async ValueTask AssignFromQueueAsync(UnitRef unit, string mediatorId)
    {
        if (await NotHeldAtAsync(unit))
        {
            return;
        }

        var (file, refusal) = CaseLifecycle.Apply(File, new AssignCase(unit.Id, mediatorId), Now, Policy);
        if (refusal is not null)
        {
            LogUnitMessageRefused(logger, File.CaseId, unit.Id, refusal.Message);
            return;
        }

        await SaveAsync(file, Policy);
    }

    /// <summary>A deadline the unit watches passed: the unit's alarm becomes the case's warning, supervision or escalation.</summary>
    public async ValueTask RaiseAlarmAsync(UnitRef unit, DeadlineKind kind)
    {
        if (await NotHeldAtAsync(unit))
        {
            return;
        }

        if (kind == DeadlineKind.OverdueEscalation)
        {
            var escalate = new EscalateCase(unit.Id, EscalationKind.Overdue, EscalateCase.TargetNotYetKnown, EscalationPath.TargetLevel(File.Level, EscalationKind.Overdue, Policy), "overdue");
            var refusal = CaseLifecycle.Decide(File, escalate, Now, Policy).Refusal;
            if (refusal is not null)
            {
                LogUnitMessageRefused(logger, File.CaseId, unit.Id, refusal.Message);
                ports.PostStay(unit, File.CaseId);
                return;
            }

            await EscalateStoredAsync(escalate);
            return;
        }

        CaseCommand command = kind == DeadlineKind.SignWarning
            ? new WarnUnsigned(unit.Id)
            : new SuperviseCase(unit.Id, "deadline passed");
        var (file, stale) = CaseLifecycle.Apply(File, command, Now, Policy);
        if (stale is not null)
        {
            LogUnitMessageRefused(logger, File.CaseId, unit.Id, stale.Message);
            return;
        }

        await SaveAsync(file, Policy);
    }

    /// <summary>
    /// A stored case moves up. When the pass-up fails, the unit below may have stored its release
    /// before the failure (only its answer lost), and nobody else would ever speak for the case:
    /// it holds the case again, as the unchanged file has it (a no-op if it never let go), and the
    /// failure goes to the caller. A unit above that admitted it meanwhile lets it go at its first alarm.
    /// </summary>
    private async ValueTask EscalateStoredAsync(EscalateCase escalate)
    {
        CaseFile file;
        try
        {
            file = await PassUpAsync(File, Policy, escalate);
        }
        catch (Exception failure)
        {
            try
            {
                await ReinstateAtFileUnitAsync();
            }
            catch (Exception reinstating)
            {
                LogReinstateFailed(logger, File.CaseId, File.UnitId!, failure.GetType().Name, reinstating);
            }

            throw;
        }

        await SaveAsync(file, Policy);
    }

    /// <summary>The current unit passes the case to the unit above, whose admission is folded in.</summary>
    private async ValueTask<CaseFile> PassUpAsync(CaseFile file, GovernancePolicy policy, EscalateCase escalate)
    {
        var from = UnitAt(file.UnitId!, file.Level);
        var admission = await ports.PassUpAsync(from, file.Facts, escalate.Kind);
        var (escalated, refusal) = CaseLifecycle.Apply(file, escalate with { ToUnitId = admission.Unit.Id, ToLevel = admission.Unit.Level }, Now, policy);
        if (refusal is not null)
        {
            throw new InvalidOperationException($"Unit {from.Id} escalated case {file.CaseId} against the rules: {refusal.Message}");
        }

        LogEscalated(logger, file.CaseId, escalate.Kind, from.Level, admission.Unit.Level, admission.Unit.Id);
        return Admit(escalated, admission);
    }

    /// <summary>Folds a unit's admission in: its triage, then its assignment if it made one.</summary>
    private CaseFile Admit(CaseFile file, Admission admission)
    {
        _unit = admission.Unit;
        file = Must(CaseLifecycle.Apply(file, admission.Triage, Now, admission.Policy));
        return admission.MediatorId is { } mediator
            ? Must(CaseLifecycle.Apply(file, new AssignCase(admission.Unit.Id, mediator), Now, admission.Policy))
            : file;
    }

    /// <summary>The unit the file places the case at holds it again, as the file has it (the parties' data stays here).</summary>
    private ValueTask ReinstateAtFileUnitAsync() => ports.ReinstateAsync(UnitAt(File.UnitId!, File.Level), File.Facts, File.WithoutIntake());

    private ValueTask ReportAsync(CaseFile file, AuditEntry entry) =>
        ports.ReportAsync(UnitAt(entry.UnitId, entry.Level), new CaseChange(file.CaseId, entry.Action, entry.At, entry.Satisfaction));

    private UnitRef UnitAt(string unitId, Level level)
    {
        if (_unit is not { } unit || unit.Id != unitId || unit.Level != level)
        {
            _unit = unit = new UnitRef(unitId, level);
        }

        return unit;
    }

    /// <summary>
    /// A unit speaks for this case, but the case's file does not place it at that unit: its
    /// registration or its escalation there was never stored (it failed and was not retried), or
    /// the unit's message crossed the case's departure. The unit is told to let the case go, if it
    /// still holds it, so that no phantom holds a mediator or stays on a worklist; a case moves up,
    /// never back, so no unit that let it go is ever owed it again. A unit above the file's unit
    /// holds the case only if the move up was never stored, and the unit below released it then:
    /// that unit holds it again first, so that at every moment some desk has the case.
    /// </summary>
    private async ValueTask<bool> NotHeldAtAsync(UnitRef unit)
    {
        var open = File.Intake is not null && File.Status is not (CaseStatus.Closed or CaseStatus.FollowedUp);
        if (open && File.UnitId == unit.Id)
        {
            return false;
        }

        LogNotHeld(logger, File.CaseId, unit.Id, File.UnitId, File.Status);
        if (open && unit.Level > File.Level)
        {
            LogReinstated(logger, File.CaseId, unit.Id, File.UnitId!);
            await ReinstateAtFileUnitAsync();
        }

        await ports.ForgetAsync(unit, File.CaseId);
        return true;
    }

    private static CaseFile Must((CaseFile File, CaseRefusal? Refusal) result) =>
        result.Refusal is null ? result.File : throw new InvalidOperationException(result.Refusal.Message);

    private ValueTask SaveAsync(CaseFile file, GovernancePolicy policy)
    {
        ports.State.File = file;
        ports.State.Policy = policy;
        return ports.SaveAsync();
    }

    private CaseRefusal Refused(CaseRefusal refusal)
    {
        LogRefused(logger, refusal.CaseId, refusal.Status, refusal.Attempted);
        return refusal;
    }

    // Case ids, units, types and states only: the parties' personal data never reaches a log.
    [LoggerMessage(1, LogLevel.Debug, "Case {CaseId} registered via {Channel} as {CaseType} at {UnitId}: {Status}")]
    private static partial void LogRegistered(ILogger logger, string caseId, IntakeChannel channel, CaseType caseType, string? unitId, CaseStatus status);

    [LoggerMessage(2, LogLevel.Debug, "Case {CaseId} refused {Action} in status {Status}")]
    private static partial void LogRefused(ILogger logger, string caseId, CaseStatus status, CaseAction action);

    [LoggerMessage(3, LogLevel.Debug, "Case {CaseId} escalated ({Kind}) from {FromLevel} to {ToLevel} {ToUnitId}")]
    private static partial void LogEscalated(ILogger logger, string caseId, EscalationKind kind, Level fromLevel, Level toLevel, string toUnitId);

    [LoggerMessage(4, LogLevel.Debug, "Case {CaseId} ignored a stale or repeated message from unit {UnitId}: {Reason}")]
    private static partial void LogUnitMessageRefused(ILogger logger, string caseId, string unitId, string reason);

    [LoggerMessage(5, LogLevel.Warning, "Case {CaseId}: unit {UnitId} spoke for it, but its file places it at {FileUnitId} ({Status}): the unit is told to let it go")]
    private static partial void LogNotHeld(ILogger logger, string caseId, string unitId, string? fileUnitId, CaseStatus status);

    [LoggerMessage(6, LogLevel.Warning, "Case {CaseId}: its move up to {UnitId} was never stored, so {FileUnitId}, which released it, holds it again")]
    private static partial void LogReinstated(ILogger logger, string caseId, string unitId, string fileUnitId);

    [LoggerMessage(7, LogLevel.Warning, "Case {CaseId}: passing it up failed ({Failure}) and {UnitId} could not be asked to hold it again: if it had let the case go, no desk holds it until the escalation is retried")]
    private static partial void LogReinstateFailed(ILogger logger, string caseId, string unitId, string failure, Exception exception);
}
