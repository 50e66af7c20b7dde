using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Figures;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Domain.Warnings;

namespace Orleans.Governance.Grains;

/// <summary>
/// What grids and centres share: a desk (pure rules) wrapped in persistence, messaging and one
/// deadline watch. The watch is a single grain timer armed at the earliest due alarm of the
/// desk's index, never one timer per case; it runs on the injected <see cref="TimeProvider"/>.
/// With durable storage a reminder backs the watch while the unit has alarms, so a unit whose
/// silo died comes back on another silo and its alarms still fire.
/// </summary>
public abstract partial class UnitGrain(
    IPersistentState<UnitState> state,
    IPersistentState<DeskState> desk,
    TimeProvider clock,
    IOptions<GovernanceOptions> options,
    ILogger logger) : Grain, IUnitGrain, IRemindable
{
    private const string WatchReminder = "deadline-watch";
    private static readonly TimeSpan s_maxTimerWait = TimeSpan.FromDays(40);

    private UnitDesk? _desk;
    private IGrainTimer? _watch;
    private DateTimeOffset? _watchDueAt;
    private bool _hasReminder;

    protected UnitDesk Desk => _desk ?? throw new UnitNotConfiguredException(this.GetPrimaryKeyString());

    private DateTimeOffset Now => clock.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Profile is { } profile)
        {
            _desk = new UnitDesk(profile, desk.State);
            var (assignments, escalations) = _desk.Unconfirmed();
            Dispatch(assignments);
            foreach (var caseId in escalations)
            {
                GrainFactory.GetCase(caseId).RaiseAlarmAsync(profile.Ref, DeadlineKind.OverdueEscalation).Ignore();
            }

            await ArmWatchAsync();
        }
    }

    public async Task<bool> ConfigureAsync(UnitProfile profile)
    {
        if (profile.Id != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"Profile of unit {profile.Id} sent to unit {this.GetPrimaryKeyString()}.", nameof(profile));
        }

        if (state.State.Profile is { } current && Profiles.Same(current, profile))
        {
            return false;
        }

        state.State.Profile = profile;
        _desk = new UnitDesk(profile, desk.State);
        await state.WriteStateAsync();
        await ArmWatchAsync();
        return true;
    }

    public async Task<string> IssueCaseNumberAsync()
    {
        var (number, next) = (state.State.Numbers ?? CaseNumberSequence.None).Issue(Desk.Profile.Id, Now);
        state.State.Numbers = next;
        await state.WriteStateAsync();
        return number;
    }

    public async Task<Admission> AdmitAsync(CaseFacts facts)
    {
        var admission = Desk.Admit(facts, Now);
        await CommitAsync([]);
        return admission;
    }

    public async Task<Admission> EscalateAsync(CaseFacts facts, EscalationKind kind)
    {
        var profile = Desk.Profile;
        var level = EscalationPath.TargetLevel(profile.Level, kind, profile.Policy);
        var target = EscalationPath.AncestorAt(profile.Ancestors, level)
            ?? throw new InvalidOperationException($"Unit {profile.Id} ({profile.Level}) has no {level} above it to escalate case {facts.CaseId} to.");

        await CommitAsync(Desk.Release(facts.CaseId, Now));
        LogPassedUp(logger, facts.CaseId, profile.Id, target, kind);
        return await GrainFactory.GetUnit(new UnitRef(target, level)).AdmitAsync(facts);
    }

    public Task TrackAsync(CaseChange change) => CommitAsync(Desk.Track(change));

    public Task StayAsync(string caseId)
    {
        Desk.Stay(caseId);
        return CommitAsync([]);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != WatchReminder)
        {
            return;
        }

        await WatchAsync(CancellationToken.None);
        if (Desk.NextDueAt is null && await this.GetReminder(WatchReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
            _hasReminder = false;
        }
    }

    public Task<UnitFigures> GetFiguresAsync() => Task.FromResult(Desk.Figures());

    public Task<IReadOnlyList<WorkItem>> GetWorklistAsync(Worklist list, string? mediatorId = null) => Task.FromResult(Desk.Worklist(list, mediatorId));

    public abstract Task<IReadOnlyList<UnitFigures>> GetLevelRollupAsync();

    public abstract Task<IReadOnlyList<WorkItem>> GetSubtreeWorklistAsync(Worklist list);

    public abstract Task<DailyRollup> GetDailyRollupAsync(DateOnly through);

    /// <summary>After the desk changed: write it, re-arm the watch, then tell the cases it gave to freed mediators.</summary>
    private async Task CommitAsync(IReadOnlyList<QueuedAssignment> assignments)
    {
        await desk.WriteStateAsync();
        await ArmWatchAsync();
        Dispatch(assignments);
    }

    private void Dispatch(IReadOnlyList<QueuedAssignment> assignments)
    {
        foreach (var (caseId, mediatorId) in assignments)
        {
            GrainFactory.GetCase(caseId).AssignFromQueueAsync(Desk.Profile.Ref, mediatorId).Ignore();
        }
    }

    /// <summary>Keeps the one timer armed at the earliest due alarm (and the reminder while there is one).</summary>
    private async Task ArmWatchAsync()
    {
        var dueAt = _desk?.NextDueAt;
        if (options.Value.DurableDeadlineWatch)
        {
            await KeepReminderAsync(needed: dueAt is not null);
        }

        if (dueAt == _watchDueAt)
        {
            return;
        }

        _watchDueAt = dueAt;
        if (dueAt is not { } at)
        {
            _watch?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        // Grain timers take at most ~49.7 days; a later deadline is reached by re-arming on the way.
        var wait = at - Now;
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > s_maxTimerWait ? s_maxTimerWait : wait;

        if (_watch is null)
        {
            _watch = this.RegisterGrainTimer(WatchAsync, new GrainTimerCreationOptions(wait, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        else
        {
            _watch.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// Registers the reminder when the unit gains alarms. It is removed only when it fires and
    /// finds none left, so a unit whose cases come and go does not write the reminder table for
    /// each of them (a write per admission and per departure, measured on PostgreSQL).
    /// </summary>
    private async Task KeepReminderAsync(bool needed)
    {
        if (!needed || _hasReminder)
        {
            return;
        }

        var period = options.Value.DeadlineReminderPeriod;
        await this.RegisterOrUpdateReminder(WatchReminder, period, period);
        _hasReminder = true;
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        _watchDueAt = null;
        var alarms = Desk.TakeDueAlarms(Now);
        if (alarms.Count > 0)
        {
            await desk.WriteStateAsync(cancellationToken);
            foreach (var alarm in alarms)
            {
                LogAlarm(logger, Desk.Profile.Id, alarm.CaseId, alarm.Kind, alarm.DueAt);
                GrainFactory.GetCase(alarm.CaseId).RaiseAlarmAsync(Desk.Profile.Ref, alarm.Kind).Ignore();
            }
        }

        await ArmWatchAsync();
    }

    [LoggerMessage(1, LogLevel.Debug, "Case {CaseId} passed up from {UnitId} to {TargetUnitId} ({Kind})")]
    private static partial void LogPassedUp(ILogger logger, string caseId, string unitId, string targetUnitId, EscalationKind kind);

    [LoggerMessage(2, LogLevel.Information, "Unit {UnitId}: {Kind} for case {CaseId}, due {DueAt:O}")]
    private static partial void LogAlarm(ILogger logger, string unitId, string caseId, DeadlineKind kind, DateTimeOffset dueAt);
}
