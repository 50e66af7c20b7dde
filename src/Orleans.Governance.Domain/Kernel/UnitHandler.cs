using Microsoft.Extensions.Logging;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Figures;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Domain.Warnings;

namespace Orleans.Governance.Domain.Kernel;

/// <summary>
/// Every decision a grid or centre takes, whichever host runs it: its desk (triage, assignment,
/// queue, deadlines, counters) kept as stored, where a case goes when it is passed up, which
/// cases to tell what, and when to wake up next. One wake-up per unit, at the earliest alarm of
/// the desk's index, never one per case. A failed write rebuilds the unit from what is stored,
/// so it never goes on from a desk that storage does not have.
/// </summary>
public sealed partial class UnitHandler(string unitId, IUnitPorts ports, ILogger logger)
{
    /// <summary>The longest single wait (grain timers take at most ~49.7 days): a later alarm is reached by waking on the way.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromDays(40);

    /// <summary>After the desk could not store its due alarms: how long before it tries again, rather than loop against a failing database.</summary>
    public static readonly TimeSpan WatchRetryDelay = TimeSpan.FromSeconds(10);

    private UnitDesk? _desk;
    private DateTimeOffset? _wakeAt;
    private DateTimeOffset _wakeNotBefore;

    public UnitDesk Desk => _desk ?? throw new UnitNotConfiguredException(unitId);

    /// <summary>The earliest alarm due, while the unit is configured.</summary>
    public DateTimeOffset? NextDueAt => _desk?.NextDueAt;

    private DateTimeOffset Now => ports.Now;

    /// <summary>Builds the desk from the stored states, re-sends what it may have sent unheard, and arms the wake-up.</summary>
    public async ValueTask RestoreAsync()
    {
        if (ports.Unit.Profile is not { } profile)
        {
            return;
        }

        _desk = new UnitDesk(profile, ports.Desk);
        var (assignments, escalations) = _desk.Unconfirmed();
        Post(assignments);
        foreach (var caseId in escalations)
        {
            ports.PostAlarm(caseId, _desk.Ref, DeadlineKind.OverdueEscalation);
        }

        await ArmAsync();
    }

    /// <summary>Sets the unit's place, people and policy; false when nothing changed (loading is idempotent).</summary>
    public async ValueTask<bool> ConfigureAsync(UnitProfile profile)
    {
        if (profile.Id != unitId)
        {
            throw new ArgumentException($"Profile of unit {profile.Id} sent to unit {unitId}.", nameof(profile));
        }

        if (ports.Unit.Profile is { } current && Profiles.Same(current, profile))
        {
            return false;
        }

        ports.Unit.Profile = profile;
        _desk = new UnitDesk(profile, ports.Desk);
        await WriteAsync(desk: false);
        await ArmAsync();
        return true;
    }

    public async ValueTask<string> IssueCaseNumberAsync()
    {
        var (number, next) = (ports.Unit.Numbers ?? CaseNumberSequence.None).Issue(Desk.Profile.Id, Now);
        ports.Unit.Numbers = next;
        await WriteAsync(desk: false);
        return number;
    }

    /// <summary>A case arrives (registered here or passed up to here): triage, then assign or queue it.</summary>
    public async ValueTask<Admission> AdmitAsync(CaseFacts facts)
    {
        var admission = Desk.Admit(facts, Now);
        await CommitAsync([]);
        return admission;
    }

    /// <summary>The case leaves upwards: released here, then admitted by the unit the escalation kind leads to.</summary>
    public async ValueTask<Admission> PassUpAsync(CaseFacts facts, EscalationKind kind)
    {
        var profile = Desk.Profile;
        var level = EscalationPath.TargetLevel(profile.Level, kind, profile.Policy);
        var target = EscalationPath.AncestorAt(profile.Ancestors, level)
            ?? throw new InvalidOperationException($"Unit {profile.Id} ({profile.Level}) has no {level} above it to escalate case {facts.CaseId} to.");

        await CommitAsync(Desk.Release(facts.CaseId, Now));
        LogPassedUp(logger, facts.CaseId, profile.Id, target.Id, kind);
        return await ports.AdmitAsync(target, facts);
    }

    public ValueTask TrackAsync(CaseChange change) => CommitAsync(Desk.Track(change));

    public ValueTask StayAsync(string caseId)
    {
        Desk.Stay(caseId);
        return CommitAsync([]);
    }

    public ValueTask ForgetAsync(string caseId) => CommitAsync(Desk.Forget(caseId, Now));

    public ValueTask ReinstateAsync(CaseFacts facts, CaseFile file) => CommitAsync(Desk.Reinstate(facts, file, Now));

    /// <summary>The wake-up came: every alarm due is stored as fired, then posted to its case.</summary>
    public async ValueTask WatchAsync()
    {
        _wakeAt = null;
        var alarms = Desk.TakeDueAlarms(Now);
        if (alarms.Count > 0)
        {
            try
            {
                await WriteAsync(desk: true);
            }
            catch (Exception exception)
            {
                // Rebuilt as stored, its alarms due again: tried after a pause.
                LogWatchWriteFailed(logger, Desk.Profile.Id, alarms.Count, exception);
                _wakeNotBefore = Now + WatchRetryDelay;
                await ArmAsync();
                return;
            }

            foreach (var alarm in alarms)
            {
                LogAlarm(logger, Desk.Profile.Id, alarm.CaseId, alarm.Kind, alarm.DueAt);
                ports.PostAlarm(alarm.CaseId, Desk.Ref, alarm.Kind);
            }
        }

        await ArmAsync();
    }

    /// <summary>This unit's figures with its subtree's (<paramref name="children"/>: each child's subtree) under this unit's name.</summary>
    public UnitFigures SubtreeFigures(IEnumerable<UnitFigures> children) => Desk.Figures().Plus(children);

    /// <summary>This unit's figures and its subtree's summed level by level.</summary>
    public IReadOnlyList<UnitFigures> LevelRollup(IEnumerable<IReadOnlyList<UnitFigures>> children) =>
        UnitFigures.SumByLevel(Desk.Profile.Id, [Desk.Figures(), .. children.SelectMany(c => c)]);

    /// <summary>The cases on one worklist here and below.</summary>
    public IReadOnlyList<WorkItem> SubtreeWorklist(Worklist list, IEnumerable<IReadOnlyList<WorkItem>> children) =>
        [.. Desk.Worklist(list), .. children.SelectMany(c => c)];

    /// <summary>The subtree's days of activity and its early warnings (<paramref name="children"/>: each child's roll-up).</summary>
    public DailyRollup DailyRollup(DateOnly through, IReadOnlyList<DailyRollup> children) => Desk.Rollup(through, children);

    /// <summary>After the desk changed: store it, re-arm the wake-up, then tell the cases it gave to freed mediators.</summary>
    private async ValueTask CommitAsync(IReadOnlyList<QueuedAssignment> assignments)
    {
        await WriteAsync(desk: true);
        await ArmAsync();
        Post(assignments);
    }

    /// <summary>
    /// After a failed write the memory may be ahead of storage, or storage ahead of the memory's
    /// version (only the answer was lost): both states are read back and the desk rebuilt before
    /// the failure goes to the caller, whose retry then meets the unit exactly as stored.
    /// Writes the desk, or else the unit's profile and numbers.
    /// </summary>
    private async ValueTask WriteAsync(bool desk)
    {
        try
        {
            await (desk ? ports.WriteDeskAsync() : ports.WriteUnitAsync());
        }
        catch
        {
            if (await ports.ReloadAsync())
            {
                await RestoreAsync();
            }

            throw;
        }
    }

    private void Post(IReadOnlyList<QueuedAssignment> assignments)
    {
        // Indexed: a foreach over the interface would allocate an enumerator for every assignment.
        for (var i = 0; i < assignments.Count; i++)
        {
            ports.PostAssignment(assignments[i].CaseId, Desk.Ref, assignments[i].MediatorId);
        }
    }

    /// <summary>Keeps the one wake-up at the earliest due alarm (not before a pause after a failed store).</summary>
    private async ValueTask ArmAsync()
    {
        var dueAt = _desk?.NextDueAt;
        if (dueAt < _wakeNotBefore)
        {
            dueAt = _wakeNotBefore;
        }

        await ports.KeepAlarmsAliveAsync(dueAt is not null);
        if (dueAt == _wakeAt)
        {
            return;
        }

        _wakeAt = dueAt;
        if (dueAt is not { } at)
        {
            ports.WakeAfter(null);
            return;
        }

        var wait = at - Now;
        ports.WakeAfter(wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxWait ? MaxWait : wait);
    }

    [LoggerMessage(1, LogLevel.Debug, "Case {CaseId} passed up from {UnitId} to {TargetUnitId} ({Kind})")]
    private static partial void LogPassedUp(ILogger logger, string caseId, string unitId, string targetUnitId, EscalationKind kind);

    [LoggerMessage(2, LogLevel.Information, "Unit {UnitId}: {Kind} for case {CaseId}, due {DueAt:O}")]
    private static partial void LogAlarm(ILogger logger, string unitId, string caseId, DeadlineKind kind, DateTimeOffset dueAt);

    [LoggerMessage(3, LogLevel.Warning, "Unit {UnitId}: storing {Count} due alarms failed; the unit was rebuilt as stored and tries again shortly")]
    private static partial void LogWatchWriteFailed(ILogger logger, string unitId, int count, Exception exception);
}
