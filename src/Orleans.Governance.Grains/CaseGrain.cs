using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Grains.Storage;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Grains;

/// <summary>
/// One case: asks the lifecycle whether a command is legal, appends the entry, writes the state
/// and only then answers, so that an acknowledged transition is never lost. Calls go from the
/// case to its unit, never back synchronously (the unit answers cases with one-way messages),
/// so no cycle of waiting grains can form.
/// </summary>
public sealed partial class CaseGrain(
    [DirectState("case", StorageNames.Governance)] IPersistentState<CaseState> state,
    [FromKeyedServices(GovernanceSiloBuilderExtensions.ClockKey)] TimeProvider clock,
    ILogger<CaseGrain> logger) : Grain, ICaseGrain
{
    private CaseFile File => state.State.File ??= CaseFile.Empty(this.GetPrimaryKeyString());

    private GovernancePolicy Policy => state.State.Policy ?? Defaults.Policy;

    private DateTimeOffset Now => clock.GetUtcNow();

    public async Task<CaseReceipt> RegisterAsync(CaseIntake intake, string actor)
    {
        var (registered, refusal) = CaseLifecycle.Apply(File, new RegisterCase(actor, intake), Now, Policy);
        if (refusal is not null)
        {
            // A client retrying after a lost answer gets the answer it missed.
            return Retries.SameIntake(File.Intake, intake) ? CaseReceipt.Of(File) : Refused(refusal);
        }

        var admission = await GrainFactory.GetUnit(intake.Unit).AdmitAsync(registered.Facts);
        var file = Admit(registered, admission);
        if (EscalationPath.NeedsHighRiskRaise(file, admission.Policy))
        {
            file = await EscalateAsync(file, admission.Policy, new EscalateCase(file.UnitId!, EscalationKind.HighRiskRaise, "", admission.Policy.HighRiskRaiseTo, "high-risk triage"));
        }

        await SaveAsync(file, admission.Policy);
        LogRegistered(logger, file.CaseId, intake.Channel, intake.Type, file.UnitId, file.Status);
        return CaseReceipt.Of(file);
    }

    public async Task<CaseReceipt> ExecuteAsync(CaseCommand command)
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
                await TrackAsync(File, repeated);
            }

            return CaseReceipt.Of(File);
        }

        // Written first, then reported: an acknowledged transition is durable, and a failed report
        // is repaired by the client's retry above.
        await SaveAsync(file, Policy);
        await TrackAsync(file, file.Trail[^1]);
        return CaseReceipt.Of(file);
    }

    public Task<CaseReceipt> ActAsync(CaseCommand command, int expectedVersion)
    {
        if (File.Trail.Count != expectedVersion)
        {
            return Task.FromResult(CaseReceipt.Of(File) with { StaleVersion = true });
        }

        return command is EscalateCase { Kind: EscalationKind.Failure } escalate
            ? EscalateAsync(escalate.Actor, escalate.Reason ?? "")
            : ExecuteAsync(command);
    }

    public async Task<CaseReceipt> EscalateAsync(string actor, string reason)
    {
        var escalate = new EscalateCase(actor, EscalationKind.Failure, "", EscalationPath.TargetLevel(File.Level, EscalationKind.Failure, Policy), reason);
        var refusal = CaseLifecycle.Decide(File, escalate with { ToUnitId = "(next)" }, Now, Policy).Refusal;
        if (refusal is not null)
        {
            return Retries.LastEntryRepeatedBy(File, escalate) is null ? Refused(refusal) : CaseReceipt.Of(File);
        }

        var file = await EscalateAsync(File, Policy, escalate);
        await SaveAsync(file, Policy);
        return CaseReceipt.Of(file);
    }

    public Task<CaseFile> GetAsync() => Task.FromResult(File);

    public async Task AssignFromQueueAsync(UnitRef unit, string mediatorId)
    {
        if (await NeverRegisteredAsync(unit))
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

    public async Task RaiseAlarmAsync(UnitRef unit, DeadlineKind kind)
    {
        if (await NeverRegisteredAsync(unit))
        {
            return;
        }

        var unitId = unit.Id;
        if (kind == DeadlineKind.OverdueEscalation)
        {
            var escalate = new EscalateCase(unitId, EscalationKind.Overdue, "(next)", EscalationPath.TargetLevel(File.Level, EscalationKind.Overdue, Policy), "overdue");
            var refusal = CaseLifecycle.Decide(File, escalate, Now, Policy).Refusal;
            if (refusal is not null)
            {
                LogUnitMessageRefused(logger, File.CaseId, unitId, refusal.Message);
                await GrainFactory.GetUnit(unit).StayAsync(File.CaseId);
                return;
            }

            await SaveAsync(await EscalateAsync(File, Policy, escalate), Policy);
            return;
        }

        CaseCommand command = kind == DeadlineKind.SignWarning
            ? new WarnUnsigned(unitId)
            : new SuperviseCase(unitId, "deadline passed");
        var (file, stale) = CaseLifecycle.Apply(File, command, Now, Policy);
        if (stale is not null)
        {
            LogUnitMessageRefused(logger, File.CaseId, unitId, stale.Message);
            return;
        }

        await SaveAsync(file, Policy);
    }

    /// <summary>The current unit passes the case to the unit above, whose admission is folded in.</summary>
    private async Task<CaseFile> EscalateAsync(CaseFile file, GovernancePolicy policy, EscalateCase escalate)
    {
        var from = new UnitRef(file.UnitId!, file.Level);
        var admission = await GrainFactory.GetUnit(from).EscalateAsync(file.Facts, escalate.Kind);
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
        file = Must(CaseLifecycle.Apply(file, admission.Triage, Now, admission.Policy));
        return admission.MediatorId is { } mediator
            ? Must(CaseLifecycle.Apply(file, new AssignCase(admission.Unit.Id, mediator), Now, admission.Policy))
            : file;
    }

    private Task TrackAsync(CaseFile file, AuditEntry entry) =>
        GrainFactory.GetUnit(new UnitRef(entry.UnitId, entry.Level)).TrackAsync(new CaseChange(file.CaseId, entry.Action, entry.At, entry.Satisfaction));

    /// <summary>
    /// A unit holds this case but storage has none: the registration failed after the unit
    /// admitted it and nobody retried. The unit is told to let it go, so that no phantom holds a mediator.
    /// </summary>
    private async Task<bool> NeverRegisteredAsync(UnitRef unit)
    {
        if (File.Intake is not null)
        {
            return false;
        }

        LogForgotten(logger, File.CaseId, unit.Id);
        await GrainFactory.GetUnit(unit).ForgetAsync(File.CaseId);
        return true;
    }

    private static CaseFile Must((CaseFile File, CaseRefusal? Refusal) result) =>
        result.Refusal is null ? result.File : throw new InvalidOperationException(result.Refusal.Message);

    private async Task SaveAsync(CaseFile file, GovernancePolicy policy)
    {
        state.State.File = file;
        state.State.Policy = policy;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Whether the transition was stored is unknown now, so this activation must not answer the
            // client's retry from memory: the next activation answers from what storage holds.
            DeactivateOnIdle();
            throw;
        }
    }

    private CaseReceipt Refused(CaseRefusal refusal)
    {
        LogRefused(logger, refusal.CaseId, refusal.Status, refusal.Attempted);
        return CaseReceipt.Of(File, refusal);
    }
}
