using Microsoft.Extensions.DependencyInjection;
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
/// silo died comes back on another silo and its alarms still fire. A failed write rebuilds the
/// unit from what is stored, so it never goes on from a desk that storage does not have.
/// </summary>
public abstract partial class UnitGrain(
    IPersistentState<UnitState> state,
    IPersistentState<DeskState> desk,
    [FromKeyedServices(GovernanceSiloBuilderExtensions.ClockKey)] TimeProvider clock,
    IOptions<GovernanceOptions> options,
    ILogger logger) : Grain, IUnitGrain, IRemindable
{
    private const string WatchReminder = "deadline-watch";
    private static readonly TimeSpan s_maxTimerWait = TimeSpan.FromDays(40);
    private static readonly TimeSpan s_watchRetryDelay = TimeSpan.FromSeconds(10);

    private UnitDesk? _desk;
    private IGrainTimer? _watch;
    private DateTimeOffset? _watchDueAt;
    private bool _hasReminder;
    private DateTimeOffset _watchNotBefore;

    protected UnitDesk Desk => _desk ?? throw new UnitNotConfiguredException(this.GetPrimaryKeyString());

    private DateTimeOffset Now => clock.GetUtcNow();

    public override Task OnActivateAsync(CancellationToken cancellationToken) => RestoreAsync();

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
        await WriteAsync(state);
        await ArmWatchAsync();
        return true;
    }

    public async Task<string> IssueCaseNumberAsync()
    {
        var (number, next) = (state.State.Numbers ?? CaseNumberSequence.None).Issue(Desk.Profile.Id, Now);
        state.State.Numbers = next;
        await WriteAsync(state);
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

    public Task ForgetAsync(string caseId) => CommitAsync(Desk.Forget(caseId, Now));

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
        await WriteAsync(desk);
        await ArmWatchAsync();
        Dispatch(assignments);
    }

    /// <summary>
    /// Writes one of the unit's states. After a failure the memory may be ahead of storage, or
    /// storage ahead of the memory's ETag (only the answer was lost): both states are read back
    /// and the desk rebuilt before the failure goes to the caller, whose retry then meets the
    /// unit exactly as stored.
    /// </summary>
    private async Task WriteAsync<T>(IPersistentState<T> stored)
    {
        try
        {
            await stored.WriteStateAsync();
        }
        catch
        {
            await ReloadAsync();
            throw;
        }
    }

    private async Task ReloadAsync()
    {
        try
        {
            await state.ReadStateAsync();
            await desk.ReadStateAsync();
            await RestoreAsync();
        }
        catch (Exception exception)
        {
            // Storage cannot be read either: only a new activation can know what it holds.
            LogReloadFailed(logger, this.GetPrimaryKeyString(), exception);
            DeactivateOnIdle();
        }
    }

    /// <summary>Builds the desk from the stored state, re-sends what it may have sent unheard, and arms the watch.</summary>
    private async Task RestoreAsync()
    {
        if (state.State.Profile is not { } profile)
        {
            return;
        }

        _desk = new UnitDesk(profile, desk.State);
        var (assignments, escalations) = _desk.Unconfirmed();
        Dispatch(assignments);
        foreach (var caseId in escalations)
        {
            GrainFactory.GetCase(caseId).RaiseAlarmAsync(profile.Ref, DeadlineKind.OverdueEscalation).Ignore();
        }

        await ArmWatchAsync();
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
        var dueAt = _desk?.NextDueAt is { } next && next < _watchNotBefore ? _watchNotBefore : _desk?.NextDueAt;
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
            try
            {
                await WriteAsync(desk);
            }
            catch (Exception exception)
            {
                // Rebuilt as stored, its alarms due again: tried after a pause, not in a loop against a failing database.
                LogWatchWriteFailed(logger, Desk.Profile.Id, alarms.Count, exception);
                _watchNotBefore = Now + s_watchRetryDelay;
                await ArmWatchAsync();
                return;
            }

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

    [LoggerMessage(3, LogLevel.Warning, "Unit {UnitId}: storing {Count} due alarms failed; the unit was rebuilt as stored and tries again shortly")]
    private static partial void LogWatchWriteFailed(ILogger logger, string unitId, int count, Exception exception);

    [LoggerMessage(4, LogLevel.Error, "Unit {UnitId}: a write failed and its state could not be read back; the activation is dropped so that the next one starts from storage")]
    private static partial void LogReloadFailed(ILogger logger, string unitId, Exception exception);
}
