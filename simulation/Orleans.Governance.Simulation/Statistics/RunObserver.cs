using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Detection;
using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Scenarios;

namespace Orleans.Governance.Simulation.Statistics;

/// <summary>
/// Measures a replication from the engine's side: every admission, assignment, signature,
/// outcome, closure and alarm, with exact times (the grains' own histograms are bucketed).
/// Per-case figures count only cases registered after the warm-up; time averages run from the
/// end of the warm-up to the horizon. It only observes: the model moves each case's track and
/// then says what happened, with what the move left behind (<see cref="CasePlacement"/>).
/// </summary>
public sealed class RunObserver
{
    private readonly LevelStats?[] _levels = new LevelStats?[LevelNames.All.Count];
    private readonly long _epoch;
    private readonly long _warmUpEnd;
    private readonly long _end;
    private readonly Samples _timeToClose = new();
    private readonly double[] _lastRawBusy = new double[LevelNames.All.Count];
    private readonly long[] _sojournTicks = new long[LevelNames.All.Count];
    private long _lastSample;
    private long _created;
    private long _createdAll;
    private long _closedAll;
    private long _closed;
    private long _closedOnTime;
    private long _resolved;
    private long _referred;
    private long _escalations;
    private long _overdue;
    private long _warnings;
    private long _refused;
    private long _satisfactionSum;
    private long _satisfactionCount;

    public RunObserver(CityPlan plan, long epoch, long warmUpEnd, long end)
    {
        _epoch = epoch;
        _warmUpEnd = warmUpEnd;
        _end = end;
        _lastSample = epoch;
        foreach (var group in plan.Units.GroupBy(u => u.Level))
        {
            var stats = new LevelStats(group.Count(), group.Sum(u => u.Mediators.Sum(m => m.Capacity)), warmUpEnd);
            stats.Start(epoch);
            _levels[(int)group.Key] = stats;
        }

        Series = new TimeSeries([.. LevelNames.All.Where(l => _levels[(int)l] is not null)]);
    }

    public TimeSeries Series { get; }

    public long Created => _createdAll;

    public long ClosedCount => _closedAll;

    public void Registered(IReadOnlyCaseTrack track)
    {
        _createdAll++;
        if (track.Counted)
        {
            _created++;
        }
    }

    /// <summary>The case was admitted at its (new) unit, assigned at once or queued; <paramref name="left"/>: where it stood before, if anywhere.</summary>
    public void Admitted(IReadOnlyCaseTrack track, CasePlacement? left, long now)
    {
        if (left is { } previous)
        {
            var from = At(previous.Unit.Level);
            if (previous.Queued || previous.Mediator is not null)
            {
                _sojournTicks[(int)previous.Unit.Level] += Presence(previous.AdmittedAt, now);
            }

            if (previous.Queued)
            {
                from.ChangeQueue(now, -1);
            }

            if (previous.Mediator is not null)
            {
                from.ChangeBusy(now, -1);
            }

            if (track.Counted)
            {
                from.EscalatedOut++;
                _escalations++;
            }
        }

        var level = At(track.Unit!.Level);
        if (track.Counted)
        {
            level.Admitted++;
        }

        if (track.Queued)
        {
            level.ChangeQueue(now, +1);
        }
        else
        {
            level.ChangeBusy(now, +1);
        }
    }

    /// <summary>A mediator took the case; <paramref name="wasQueued"/>: it was waiting in its level's queue.</summary>
    public void AssignedFromQueue(IReadOnlyCaseTrack track, bool wasQueued, long now)
    {
        var level = At(track.Unit!.Level);
        if (wasQueued)
        {
            level.ChangeQueue(now, -1);
        }

        level.ChangeBusy(now, +1);
    }

    public void Accepted(IReadOnlyCaseTrack track, long now)
    {
        if (track.Counted)
        {
            var level = At(track.Unit!.Level);
            level.Accepted++;
            level.WaitDays.Add(Days(now - track.AdmittedAt));
            if (track.QueuedAtAdmission)
            {
                level.Waited++;
            }
        }
    }

    /// <summary>The mediation ended (agreement or failure): the mediator is free.</summary>
    public void Released(IReadOnlyCaseTrack track, long now)
    {
        var level = At(track.Unit!.Level);
        level.ChangeBusy(now, -1);
        _sojournTicks[(int)track.Unit.Level] += Presence(track.AdmittedAt, now);
        if (track.Counted)
        {
            level.ServiceDays.Add(Days(now - track.AssignedAt));
        }
    }

    public void Resolved(IReadOnlyCaseTrack track)
    {
        if (track.Counted)
        {
            At(track.Unit!.Level).Resolved++;
            _resolved++;
        }
    }

    public void Referred(IReadOnlyCaseTrack track)
    {
        if (track.Counted)
        {
            At(track.Unit!.Level).Referred++;
            _referred++;
        }
    }

    public void Closed(IReadOnlyCaseTrack track, long now)
    {
        _closedAll++;
        if (!track.Counted)
        {
            return;
        }

        var days = Days(now - track.RegisteredAt);
        _closed++;
        _timeToClose.Add(days);
        At(track.Unit!.Level).TimeToCloseDays.Add(days);
        if (!track.HadOverdue)
        {
            _closedOnTime++;
        }
    }

    public void Alarm(UnitRef unit, DeadlineKind kind, long now)
    {
        var level = At(unit.Level);
        var counted = now >= _warmUpEnd;
        if (kind == DeadlineKind.Overdue)
        {
            level.OverdueSinceStart++;
            if (counted)
            {
                level.Overdue++;
                _overdue++;
            }
        }
        else if (kind == DeadlineKind.SignWarning && counted)
        {
            level.UnsignedWarnings++;
            _warnings++;
        }
    }

    public void Satisfaction(IReadOnlyCaseTrack track, int score)
    {
        if (track.Counted)
        {
            _satisfactionSum += score;
            _satisfactionCount++;
        }
    }

    public void Refused() => _refused++;

    public void Sample(long now)
    {
        Series.Days.Add(Days(now - _epoch));
        foreach (var at in Series.Levels)
        {
            var index = (int)at;
            var level = _levels[index]!;
            level.Touch(now);
            Series.Queue[at].Add(level.Queued);
            Series.Busy[at].Add(level.Busy);
            var span = (double)(now - _lastSample) * level.Mediators;
            Series.Utilisation[at].Add(span > 0 ? (level.RawBusyIntegral - _lastRawBusy[index]) / span : 0);
            Series.Overdue[at].Add(level.OverdueSinceStart);
            _lastRawBusy[index] = level.RawBusyIntegral;
        }

        Series.OpenCases.Add(_createdAll - _closedAll);
        _lastSample = now;
    }

    /// <summary>The replication's figures; <paramref name="unfinished"/>: the cases not yet done with, whose time queued or with a mediator runs to the horizon.</summary>
    public RunResult Result(long events, RunDetection detection, IEnumerable<IReadOnlyCaseTrack> unfinished)
    {
        var observed = Days(_end - _warmUpEnd);
        var span = (double)(_end - _warmUpEnd);
        var totals = new TotalFigures<double>(
            CasesCreated: _created,
            CasesResolved: _resolved,
            CasesReferred: _referred,
            CasesClosed: _closed,
            CasesOpen: _createdAll - _closedAll,
            Escalations: _escalations,
            Overdue: _overdue,
            UnsignedWarnings: _warnings,
            ClosedWithinDeadlineShare: _closed == 0 ? double.NaN : (double)_closedOnTime / _closed,
            SatisfactionMean: _satisfactionCount == 0 ? double.NaN : (double)_satisfactionSum / _satisfactionCount,
            TimeToCloseDays: Spread(_timeToClose),
            RefusedCommands: _refused);
        var levels = Figures<double>.ByLevel(LevelNames.All.Where(at => _levels[(int)at] is not null), at =>
        {
            var level = _levels[(int)at]!;
            level.Touch(_end);
            return new LevelFigures<double>(
                Units: level.Units,
                Mediators: level.Mediators,
                Admitted: level.Admitted,
                ArrivalRatePerDay: level.Admitted / observed,
                Resolved: level.Resolved,
                ResolvedShare: _resolved == 0 ? double.NaN : (double)level.Resolved / _resolved,
                Referred: level.Referred,
                EscalatedOut: level.EscalatedOut,
                Overdue: level.Overdue,
                ProbabilityOfWaiting: level.Accepted == 0 ? double.NaN : (double)level.Waited / level.Accepted,
                WaitBeforeAcceptanceDays: Spread(level.WaitDays),
                ServiceDays: new MeanOnly<double>(Quantiles.Mean(level.ServiceDays)),
                TimeToCloseDays: Spread(level.TimeToCloseDays),
                Utilisation: level.Mediators == 0 ? double.NaN : level.BusyIntegral / span / level.Mediators,
                MeanQueueLength: level.QueueIntegral / span,
                MeanBusyMediators: level.BusyIntegral / span);
        });
        var earlyWarning = new EarlyWarningFigures<double>(detection.TestedDays, detection.Episodes.Count, detection.FalseWarnings, detection.FalseWarningsPerCountyPer90Days);

        var sojourn = (long[])_sojournTicks.Clone();
        foreach (var track in unfinished.Where(t => t.Queued || t.Mediator is not null))
        {
            sojourn[(int)track.Unit!.Level] += Presence(track.AdmittedAt, _end);
        }

        return new RunResult(new Figures<double>(totals, levels, earlyWarning), Series, _timeToClose, events) { SojournDays = [.. sojourn.Select(Days)], Detection = detection };
    }

    private LevelStats At(Level level) => _levels[(int)level] ?? throw new InvalidOperationException($"The city has no {level} units.");

    /// <summary>The time from the case's admission at its level to <paramref name="now"/> (it stops waiting or being mediated there), within the observed window: Little's law's W.</summary>
    private long Presence(long admittedAt, long now) => Math.Max(0, Math.Min(now, _end) - Math.Max(admittedAt, _warmUpEnd));

    private static Spread<double> Spread(Samples days)
    {
        var quantiles = Quantiles.Of(days, 0.5, 0.95);
        return new(Quantiles.Mean(days), quantiles[0], quantiles[1]);
    }

    private static double Days(long ticks) => (double)ticks / TimeSpan.TicksPerDay;
}
