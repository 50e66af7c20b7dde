using Microsoft.Extensions.Logging;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Detection;
using Orleans.Governance.Simulation.Engine;
using Orleans.Governance.Simulation.Hosts;
using Orleans.Governance.Simulation.Intake;
using Orleans.Governance.Simulation.Parties;
using Orleans.Governance.Simulation.Scenarios;
using Orleans.Governance.Simulation.Statistics;

namespace Orleans.Governance.Simulation.Model;

/// <summary>
/// One replication: loads its copy of the city, books each unit's arrival process, and plays
/// the people: the assigned mediator signs and mediates for a sampled time, then resolves or
/// fails (and escalates, or refers at the top); staff close and follow up. With an intake log
/// (<see cref="Scenario.IntakeLog"/>) its cases arrive instead, numbered in the log's order as
/// generated cases are in theirs, so that each draws from the stream of the same case id. Everything else (triage,
/// assignment, queues, deadline watches, escalation targets) is the kernel's doing, on whichever
/// host runs it (<see cref="IGovernanceHost"/>), read back through the host's notices.
/// </summary>
public sealed partial class ReplicationRun : ISimulationModel
{
    private readonly Scenario _scenario;
    private readonly int _replication;
    private readonly IGovernanceHost _host;
    private readonly IProgressSink? _progress;
    private readonly ILogger _logger;
    private readonly Dictionary<string, CaseTrack> _cases = new(StringComparer.Ordinal);
    private readonly List<GrainNotice> _notices = [];
    private readonly string _prefix;
    private readonly UnitTree _tree;
    private SimulationEngine? _engine;
    private RunObserver? _observer;
    private IntakeFactory? _intakes;
    private WarningWatch? _warnings;
    private long _epoch;
    private long _warmUpEnd;
    private long _caseNumber;
    private Dictionary<string, UnitProfile>? _units;
    private List<LoggedIntake>? _recorded;
    private List<CaseTrack>? _tracks;

    public ReplicationRun(Scenario scenario, int replication, IGovernanceHost host, IProgressSink? progress, ILogger logger)
    {
        _scenario = scenario;
        _replication = replication;
        _host = host;
        _progress = progress;
        _logger = logger;
        _prefix = $"r{replication}-";
        _tree = UnitTree.Of(scenario.City.Definition);
    }

    /// <summary>Every case's track goes into <see cref="RunResult.Cases"/>, for the whole-run checks; otherwise only the open cases are held.</summary>
    public bool KeepsCaseTracks { get; init; }

    /// <summary>Every registered case goes into <see cref="RunResult.Intake"/>, for <c>run --export-intake</c>.</summary>
    public bool RecordsIntake { get; init; }

    /// <summary>Every unit's own figures go into <see cref="RunResult.Units"/>, for <c>optimise --per centre</c>.</summary>
    public bool KeepsUnitFigures { get; init; }

    private SimulationEngine Engine => _engine!;

    private RunObserver Observer => _observer!;

    private long Now => Engine.Now;

    public async Task<RunResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var plan = _scenario.City.WithIdPrefix(_prefix);
        _engine = new SimulationEngine(_host.Clock, _host);
        StartAtCentresMidnight();
        _epoch = Now;
        _warmUpEnd = _epoch + DaysToTicks(_scenario.WarmUpDays);
        var end = _epoch + DaysToTicks(_scenario.HorizonDays);
        _observer = new RunObserver(plan, _epoch, _warmUpEnd, end);
        _intakes = new IntakeFactory(_scenario, plan.Units.ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal), _host.StoresParties);
        _recorded = RecordsIntake ? [] : null;
        _tracks = KeepsCaseTracks ? [] : null;
        _warnings = new WarningWatch(through => _host.GetWarningsAsync(plan.Root.Ref, through), _prefix, plan.Root.Policy.EarlyWarning);

        await _host.LoadAsync(plan);
        LogLoaded(_logger, _replication, plan.Id, plan.Units.Count);

        if (_scenario.IntakeLog is { } log)
        {
            _units = plan.Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
            BookLogged(log, 0);
        }
        else
        {
            foreach (var unit in plan.Units)
            {
                BookArrivals(unit);
            }
        }

        for (var day = 1; day <= Math.Floor(_scenario.HorizonDays); day++)
        {
            Engine.Schedule(_epoch + day * TimeSpan.TicksPerDay, EventKind.Sample, null);
        }

        // The city, loaded and booked, lives as long as the run: moved into the oldest generation
        // now, it is not copied again by the collections during the run. A collection promotes
        // by one generation, so what was allocated last needs two.
        GC.Collect();
        GC.Collect();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await Engine.RunAsync(end, this, cancellationToken);
        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        LogFinished(_logger, _replication, Observer.Created, Engine.EventsDispatched, seconds);
        _progress?.Report(_replication, _scenario.HorizonDays, Observer.Created, Engine.EventsDispatched);
        var detection = _warnings.Assess(_scenario.Surges, _tree, plan.CountAt(Level.County));
        var units = KeepsUnitFigures ? await Task.WhenAll(plan.Units.Select(async u => await _host.GetFiguresAsync(u.Ref) with { UnitId = u.Id[_prefix.Length..] })) : [];
        return Observer.Result(Engine.EventsDispatched, detection, _cases.Values) with { EventLoopSeconds = seconds, Intake = _recorded ?? [], Cases = _tracks ?? [], Units = units };
    }

    public Task DispatchAsync(CalendarEntry entry) => entry.Kind switch
    {
        EventKind.Arrival => ArriveAsync((ArrivalSource)entry.Subject!),
        EventKind.LoggedArrival => ArriveLoggedAsync((int)entry.Subject!),
        EventKind.Accept => AcceptAsync((CaseTrack)entry.Subject!, entry.Actor!),
        EventKind.Finish => FinishAsync((CaseTrack)entry.Subject!, entry.Actor!),
        EventKind.Close => CloseAsync((CaseTrack)entry.Subject!),
        EventKind.FollowUp => FollowUpAsync((CaseTrack)entry.Subject!),
        EventKind.Sample => SampleAsync(),
        _ => throw new InvalidOperationException($"Unexpected event {entry.Kind}."),
    };

    public void Settled()
    {
        _host.TakeNotices(_notices);
        foreach (var notice in _notices)
        {
            if (!_cases.TryGetValue(notice.CaseId, out var track))
            {
                continue;
            }

            switch (notice.Kind)
            {
                case NoticeKind.Admitted:
                    var left = track.MoveTo(notice.Unit, notice.MediatorId, Now);
                    Observer.Admitted(track, left, Now);
                    BookAcceptance(track);
                    break;
                case NoticeKind.AssignedFromQueue:
                    var wasQueued = track.AssignFromQueue(notice.MediatorId!, Now);
                    Observer.AssignedFromQueue(track, wasQueued, Now);
                    BookAcceptance(track);
                    break;
                case NoticeKind.Alarm:
                    if (notice.Alarm == DeadlineKind.Overdue)
                    {
                        track.MarkOverdue();
                    }

                    Observer.Alarm(notice.Unit, notice.Alarm, Now);
                    break;
            }
        }

        _notices.Clear();
    }

    public void Progress(SimulationEngine engine) =>
        _progress?.Report(_replication, (double)(engine.Now - _epoch) / TimeSpan.TicksPerDay, Observer.Created, engine.EventsDispatched);

    private void BookArrivals(UnitProfile unit)
    {
        var types = _scenario.Arrivals.Where(a => a.Value[(int)unit.Level] > 0).Select(a => a.Key).OrderBy(t => t).ToArray();
        if (types.Length == 0)
        {
            return;
        }

        var rates = types.Select(t => _scenario.Arrivals[t][(int)unit.Level]).ToArray();
        var surges = _scenario.Surges.Where(s => s.Reaches(_tree, unit.Id[_prefix.Length..])).ToArray();
        var max = rates.Sum() * _scenario.DayOfWeek.Max() * _scenario.Monthly.Max() * surges.Aggregate(1.0, (m, s) => m * Math.Max(1, s.Multiplier));
        if (max <= 0)
        {
            return;
        }

        var source = new ArrivalSource(unit, types, rates, surges, max, RandomStream.For(_scenario.Seed, $"{_prefix}arrivals/{unit.Id}"));
        Engine.Schedule(Now + source.NextGapTicks(), EventKind.Arrival, source);
    }

    private async Task ArriveAsync(ArrivalSource source)
    {
        Engine.Schedule(Now + source.NextGapTicks(), EventKind.Arrival, source);
        var day = (double)(Now - _epoch) / TimeSpan.TicksPerDay;
        var rates = source.Rates;
        var total = 0.0;
        for (var i = 0; i < rates.Length; i++)
        {
            rates[i] = source.BaseRates[i] * Multiplier(day, source.Types[i], source.Surges);
            total += rates[i];
        }

        // Thinning: a candidate at the maximal rate is a real arrival with probability rate(t) / max.
        if (source.Random.NextDouble() * source.MaxRatePerDay >= total)
        {
            return;
        }

        await RegisterAsync(source.Unit, source.Types[source.Random.Pick(rates, total)], logged: null);
    }

    /// <summary>Books the log's case <paramref name="row"/>: one at a time, each booking the next, as an arrival process does.</summary>
    private void BookLogged(IReadOnlyList<LoggedIntake> log, int row)
    {
        if (row < log.Count)
        {
            Engine.Schedule(_epoch + log[row].SinceStart.Ticks, EventKind.LoggedArrival, row);
        }
    }

    private Task ArriveLoggedAsync(int row)
    {
        var log = _scenario.IntakeLog!;
        BookLogged(log, row + 1);
        var logged = log[row];
        return RegisterAsync(_units![_prefix + logged.UnitId], logged.Type, logged);
    }

    private async Task RegisterAsync(UnitProfile unit, CaseType type, LoggedIntake? logged)
    {
        var id = $"{_prefix}c{++_caseNumber}";
        var random = RandomStream.For(_scenario.Seed, id);
        var track = new CaseTrack(
            id,
            type,
            random,
            Now,
            Now >= _warmUpEnd,
            observedHandlingTicks: logged?.HandlingDays is { } days ? DaysToTicks(days) : null,
            observedResolved: logged?.Resolved);
        _cases.Add(id, track);
        _tracks?.Add(track);
        Observer.Registered(track);
        var intake = _intakes!.Create(unit, type, random, logged);
        _recorded?.Add(LoggedIntake.Of(TimeSpan.FromTicks(Now - _epoch), unit.Id[_prefix.Length..], intake));
        Check(track, await _host.RegisterAsync(id, intake, unit.Id));
    }

    private double Multiplier(double day, CaseType type, IReadOnlyList<Surge> surges)
    {
        var date = _scenario.StartDate.AddDays((int)Math.Floor(day));
        var multiplier = _scenario.DayOfWeek[((int)date.DayOfWeek + 6) % 7] * _scenario.Monthly[date.Month - 1];
        foreach (var surge in surges)
        {
            if (surge.Covers(day, type))
            {
                multiplier *= surge.Multiplier;
            }
        }

        return multiplier;
    }

    private void BookAcceptance(CaseTrack track)
    {
        if (track.Mediator is { } mediator)
        {
            Engine.Schedule(Now + _scenario.SignDelay.SampleTicks(track.Random), EventKind.Accept, track, mediator);
        }
    }

    private async Task AcceptAsync(CaseTrack track, string mediator)
    {
        if (track.Mediator != mediator)
        {
            return;
        }

        if (!Check(track, await _host.ExecuteAsync(track.Id, new AcceptCase(mediator))))
        {
            return;
        }

        Observer.Accepted(track, Now);
        Check(track, await _host.ExecuteAsync(track.Id, new HoldSession(mediator, [])));
        // Drawn even when the log observed it, so that every later draw of the case is the same as without the observation.
        var drawn = _scenario.HandlingFor(track.Type, track.Unit!.Level).SampleTicks(track.Random);
        var handling = track.TakeObservedHandlingTicks() ?? drawn;
        Engine.Schedule(Now + handling, EventKind.Finish, track, mediator);
    }

    private async Task FinishAsync(CaseTrack track, string mediator)
    {
        if (track.Mediator != mediator)
        {
            return;
        }

        var level = track.Unit!.Level;
        var resolved = track.Random.NextDouble() < _scenario.ResolutionFor(track.Type, level);
        resolved = track.TakeObservedResolved() ?? resolved;
        if (resolved)
        {
            if (Check(track, await _host.ExecuteAsync(track.Id, new ResolveCase(mediator))))
            {
                track.Release();
                Observer.Released(track, Now);
                Observer.Resolved(track);
                await BookClosureAsync(track);
            }

            return;
        }

        if (!Check(track, await _host.ExecuteAsync(track.Id, new FailCase(mediator, "调解未达成一致"))))
        {
            return;
        }

        track.Release();
        Observer.Released(track, Now);
        if (level == Level.City)
        {
            var target = track.Random.NextDouble() < _scenario.LitigationShare ? ReferralTarget.Litigation : ReferralTarget.Arbitration;
            if (Check(track, await _host.ExecuteAsync(track.Id, new ReferCase(mediator, target, "市级调解未成"))))
            {
                track.Refer();
                Observer.Referred(track);
                await BookClosureAsync(track);
            }

            return;
        }

        // The unit above admits it (assigns or queues): the admission notice books what follows.
        Check(track, await _host.EscalateAsync(track.Id, mediator, "调解未成，逐级上交"));
    }

    private async Task BookClosureAsync(CaseTrack track)
    {
        var delay = _scenario.CloseDelay.SampleTicks(track.Random);
        if (delay == 0)
        {
            await CloseAsync(track);
        }
        else
        {
            Engine.Schedule(Now + delay, EventKind.Close, track);
        }
    }

    private async Task CloseAsync(CaseTrack track)
    {
        if (!Check(track, await _host.ExecuteAsync(track.Id, new CloseCase(track.Staff!))))
        {
            return;
        }

        track.Close();
        Observer.Closed(track, Now);
        if (track.Random.NextDouble() < _scenario.FollowUpShare)
        {
            Engine.Schedule(Now + _scenario.FollowUpDelay.SampleTicks(track.Random), EventKind.FollowUp, track);
        }
        else
        {
            Done(track);
        }
    }

    private async Task FollowUpAsync(CaseTrack track)
    {
        var weights = track.Referred ? _scenario.SatisfactionReferred : _scenario.SatisfactionResolved;
        var score = track.Random.Pick(weights, weights.Sum()) + 1;
        if (Check(track, await _host.ExecuteAsync(track.Id, new FollowUpCase(track.Staff!, score))))
        {
            Observer.Satisfaction(track, score);
        }

        Done(track);
    }

    /// <summary>The end of a day of the run: the time series' sample, and the detector on the day just completed.</summary>
    private async Task SampleAsync()
    {
        Observer.Sample(Now);
        var day = (int)((Now - _epoch) / TimeSpan.TicksPerDay) - 1;
        await _warnings!.EvaluateAsync(day, CentreDays.DateOf(_host.Clock.GetUtcNow()).AddDays(-1));
    }

    /// <summary>
    /// Day d of the run is the centres' day (China Standard Time) from midnight + d: the host's
    /// clock starts at the start date's midnight, and a replication after one whose horizon was
    /// not a whole number of days waits for the next midnight (<see cref="Simulator.ClockAtStart"/>).
    /// </summary>
    private void StartAtCentresMidnight() => _host.Clock.AdvanceTo(CentreDays.NextMidnight(_host.Clock.GetUtcNow()).UtcTicks);

    /// <summary>Nothing more will happen to the case in this run.</summary>
    private void Done(CaseTrack track)
    {
        _cases.Remove(track.Id);
        _host.Finished(track.Id);
    }

    private bool Check(CaseTrack track, CaseRefusal? refusal)
    {
        if (refusal is not null)
        {
            Observer.Refused();
            LogRefused(_logger, track.Id, refusal.Attempted, refusal.Status);
            return false;
        }

        return true;
    }

    /// <summary>How long a replication runs, from its first midnight.</summary>
    public static TimeSpan Horizon(Scenario scenario) => TimeSpan.FromTicks(DaysToTicks(scenario.HorizonDays));

    private static long DaysToTicks(double days) => (long)Math.Round(days * TimeSpan.TicksPerDay);

    [LoggerMessage(1, LogLevel.Debug, "Replication {Replication}: city {CityId} loaded, {Units} units")]
    private static partial void LogLoaded(ILogger logger, int replication, string cityId, int units);

    [LoggerMessage(2, LogLevel.Debug, "Replication {Replication}: {Cases} cases, {Events} events in {Seconds:0.00} s")]
    private static partial void LogFinished(ILogger logger, int replication, long cases, long events, double seconds);

    [LoggerMessage(3, LogLevel.Warning, "Case {CaseId}: {Action} refused in status {Status}")]
    private static partial void LogRefused(ILogger logger, string caseId, CaseAction action, CaseStatus status);
}
