using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Figures;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Domain.Kernel;
using Orleans.Governance.Domain.Warnings;

namespace Orleans.Governance.Grains;

/// <summary>
/// What grids and centres share, as a grain: the kernel's <see cref="UnitHandler"/> decides; the
/// grain stores its two states, carries its calls and posts as grain messages, and turns its
/// wake-up into one grain timer on the injected <see cref="TimeProvider"/>. With durable storage a
/// reminder backs the timer while the unit has alarms, so a unit whose silo died comes back on
/// another silo and its alarms still fire.
/// </summary>
public abstract partial class UnitGrain(
    IPersistentState<UnitState> state,
    IPersistentState<DeskState> desk,
    [FromKeyedServices(GovernanceSiloBuilderExtensions.ClockKey)] TimeProvider clock,
    IOptions<GovernanceOptions> options,
    ILogger logger) : Grain, IUnitGrain, IRemindable, IUnitPorts
{
    private const string WatchReminder = "deadline-watch";

    private UnitHandler? _handler;
    private IGrainTimer? _watch;
    private bool _hasReminder;

    protected UnitHandler Handler => _handler ??= new UnitHandler(this.GetPrimaryKeyString(), this, logger);

    UnitState IUnitPorts.Unit => state.State;

    DeskState IUnitPorts.Desk => desk.State;

    DateTimeOffset IUnitPorts.Now => clock.GetUtcNow();

    public override Task OnActivateAsync(CancellationToken cancellationToken) => Handler.RestoreAsync().AsTask();

    public Task<bool> ConfigureAsync(UnitProfile profile) => Handler.ConfigureAsync(profile).AsTask();

    public Task<string> IssueCaseNumberAsync() => Handler.IssueCaseNumberAsync().AsTask();

    public Task<Admission> AdmitAsync(CaseFacts facts) => Handler.AdmitAsync(facts).AsTask();

    public Task<Admission> EscalateAsync(CaseFacts facts, EscalationKind kind) => Handler.PassUpAsync(facts, kind).AsTask();

    public Task TrackAsync(CaseChange change) => Handler.TrackAsync(change).AsTask();

    public Task StayAsync(string caseId) => Handler.StayAsync(caseId).AsTask();

    public Task ForgetAsync(string caseId) => Handler.ForgetAsync(caseId).AsTask();

    public Task ReinstateAsync(CaseFacts facts, CaseFile file) => Handler.ReinstateAsync(facts, file).AsTask();

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != WatchReminder)
        {
            return;
        }

        await Handler.WatchAsync();
        if (Handler.NextDueAt is null && await this.GetReminder(WatchReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
            _hasReminder = false;
        }
    }

    public Task<UnitFigures> GetFiguresAsync() => Task.FromResult(Handler.Desk.Figures());

    public Task<IReadOnlyList<WorkItem>> GetWorklistAsync(Worklist list, string? mediatorId = null) => Task.FromResult(Handler.Desk.Worklist(list, mediatorId));

    public async Task<IReadOnlyList<UnitFigures>> GetLevelRollupAsync() =>
        Handler.LevelRollup(await AskChildrenAsync(child => GrainFactory.GetUnit(child).GetLevelRollupAsync()));

    public async Task<IReadOnlyList<WorkItem>> GetSubtreeWorklistAsync(Worklist list) =>
        Handler.SubtreeWorklist(list, await AskChildrenAsync(child => GrainFactory.GetUnit(child).GetSubtreeWorklistAsync(list)));

    public async Task<DailyRollup> GetDailyRollupAsync(DateOnly through) =>
        Handler.DailyRollup(through, await AskChildrenAsync(child => GrainFactory.GetUnit(child).GetDailyRollupAsync(through)));

    /// <summary>Asks every child unit at once: roll-ups are computed where the data is and summed on the way up.</summary>
    protected Task<T[]> AskChildrenAsync<T>(Func<UnitRef, Task<T>> ask) => Task.WhenAll(Handler.Desk.Profile.Children.Select(ask));

    ValueTask IUnitPorts.WriteUnitAsync() => new(state.WriteStateAsync());

    ValueTask IUnitPorts.WriteDeskAsync() => new(desk.WriteStateAsync());

    async ValueTask<bool> IUnitPorts.ReloadAsync()
    {
        try
        {
            await state.ReadStateAsync();
            await desk.ReadStateAsync();
            return true;
        }
        catch (Exception exception)
        {
            // Storage cannot be read either: only a new activation can know what it holds.
            LogReloadFailed(logger, this.GetPrimaryKeyString(), exception);
            DeactivateOnIdle();
            return false;
        }
    }

    ValueTask<Admission> IUnitPorts.AdmitAsync(UnitRef unit, CaseFacts facts) => new(GrainFactory.GetUnit(unit).AdmitAsync(facts));

    void IUnitPorts.PostAssignment(string caseId, UnitRef unit, string mediatorId) =>
        GrainFactory.GetCase(caseId).AssignFromQueueAsync(unit, mediatorId).Ignore();

    void IUnitPorts.PostAlarm(string caseId, UnitRef unit, DeadlineKind kind) =>
        GrainFactory.GetCase(caseId).RaiseAlarmAsync(unit, kind).Ignore();

    void IUnitPorts.WakeAfter(TimeSpan? wait)
    {
        if (wait is not { } due)
        {
            _watch?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
        else if (_watch is null)
        {
            _watch = this.RegisterGrainTimer(_ => Handler.WatchAsync().AsTask(), new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        else
        {
            _watch.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// Registers the reminder when the unit gains alarms. It is removed only when it fires and
    /// finds none left, so a unit whose cases come and go does not write the reminder table for
    /// each of them (a write per admission and per departure, measured on PostgreSQL).
    /// </summary>
    async ValueTask IUnitPorts.KeepAlarmsAliveAsync(bool hasAlarms)
    {
        if (!options.Value.DurableDeadlineWatch || !hasAlarms || _hasReminder)
        {
            return;
        }

        var period = options.Value.DeadlineReminderPeriod;
        await this.RegisterOrUpdateReminder(WatchReminder, period, period);
        _hasReminder = true;
    }

    [LoggerMessage(4, LogLevel.Error, "Unit {UnitId}: a write failed and its state could not be read back; the activation is dropped so that the next one starts from storage")]
    private static partial void LogReloadFailed(ILogger logger, string unitId, Exception exception);
}
