using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Figures;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Domain.Warnings;

namespace Orleans.Governance.Domain.Desk;

/// <summary>
/// The working desk of one grid or centre, as pure rules: admits and triages arriving cases,
/// assigns them by skill and load or queues them, frees mediators as cases move on, watches the
/// deadlines of everything it holds, and keeps the unit's counters. The grain around it only
/// persists <see cref="State"/> and sends the messages the desk's answers call for.
/// </summary>
public sealed class UnitDesk
{
    /// <summary>How long a counted follow-up is remembered, so that a retried report is not counted again.</summary>
    public const int FollowUpMemoryDays = 7;

    /// <summary>Teams up to this size are searched for a mediator's position rather than indexed.</summary>
    private const int SearchedTeamSize = 16;

    // Walked instead of an iterator: the desk arms and disarms on every report it gets.
    private static readonly DeadlineKind[] s_alarmKinds = [DeadlineKind.SignWarning, DeadlineKind.Overdue, DeadlineKind.OverdueEscalation];

    private readonly UnitProfile _profile;
    private readonly DeadlineIndex _alarms = new();
    private readonly SortedSet<(int Priority, long Sequence, string CaseId)> _queue = [];
    // Per mediator, in the profile's order: the cases held, and the case types handled (a bit each).
    private readonly int[] _loads;
    private readonly long[] _skills;

    // Mediator id → position, for a team too large to search; most units have a handful of people.
    private readonly Dictionary<string, int>? _positions;
    private readonly long _covered;
    private DateOnly _followUpsPrunedOn;

    // The last answer to an admission: most of a unit's cases are triaged alike and go to the same
    // few people, and an answer is immutable, so an equal one is given again rather than a copy.
    private Admission? _lastAdmission;

    public UnitDesk(UnitProfile profile, DeskState state)
    {
        _profile = profile;
        Ref = profile.Ref;
        State = state;
        _loads = new int[profile.Mediators.Count];
        _skills = new long[profile.Mediators.Count];
        _positions = profile.Mediators.Count > SearchedTeamSize ? new(StringComparer.Ordinal) : null;
        for (var m = 0; m < profile.Mediators.Count; m++)
        {
            var mediator = profile.Mediators[m];
            _skills[m] = mediator.Skills.Aggregate(0L, (mask, t) => mask | Bit(t));
            _covered |= _skills[m];
            _positions?.TryAdd(mediator.Id, m);
        }

        foreach (var open in state.Open.Values)
        {
            if (open.Status == CaseStatus.Closed)
            {
                // Stored before desks let closed cases go at once.
                state.Open.Remove(open.CaseId);
                continue;
            }

            // The case may still hold a place in the index of a desk built before this one.
            open.IndexedAt = 0;
            Index(open);
        }
    }

    public DeskState State { get; }

    public UnitProfile Profile => _profile;

    /// <summary>The unit's reference, made once: admissions, posts and warnings all carry it.</summary>
    public UnitRef Ref { get; }

    /// <summary>The earliest alarm due, for the unit's single deadline watch.</summary>
    public DateTimeOffset? NextDueAt => _alarms.Count == 0 ? null : _alarms.Min.DueAt;

    public int QueueLength => _queue.Count;

    /// <summary>The cases of one worklist, oldest admission first.</summary>
    public IReadOnlyList<WorkItem> Worklist(Worklist list, string? mediatorId = null)
    {
        var items = new List<WorkItem>();
        foreach (var open in State.Open.Values)
        {
            var listed = list switch
            {
                Desk.Worklist.Queue => open.IsQueued,
                Desk.Worklist.Assigned => open.HoldsMediator,
                Desk.Worklist.Overdue => (open.Fired & DeadlineKind.Overdue) != 0 && IsOpenHere(open),
                Desk.Worklist.Warned => (open.Fired & DeadlineKind.SignWarning) != 0 && IsOpenHere(open),
                Desk.Worklist.MediatorTasks => open.HoldsMediator && open.MediatorId == mediatorId,
                _ => false,
            };
            if (listed)
            {
                var deadlines = DeadlinesOf(open);
                items.Add(new WorkItem(open.CaseId, open.Type, open.Grade, open.Status, open.MediatorId, open.AdmittedAt,
                    open.Status == CaseStatus.Assigned ? deadlines.SignBy : null, deadlines.CloseBy!.Value,
                    (open.Fired & DeadlineKind.SignWarning) != 0, (open.Fired & DeadlineKind.Overdue) != 0, _profile.Id));
            }
        }

        items.Sort(static (a, b) => a.AdmittedAt.CompareTo(b.AdmittedAt) is var c and not 0 ? c : string.CompareOrdinal(a.CaseId, b.CaseId));
        return items;
    }

    /// <summary>This unit's ledger summed with its children's roll-ups, and the warnings raised on it, here and below.</summary>
    public DailyRollup Rollup(DateOnly through, IReadOnlyList<DailyRollup> children)
    {
        var series = SubtreeSeries(children.Select(c => c.Series));
        return new DailyRollup(series, [.. Warnings(series, through), .. children.SelectMany(c => c.Warnings)]);
    }

    /// <summary>This unit's ledger summed with its children's subtree series: the subtree's days of activity.</summary>
    public ActivitySeries SubtreeSeries(IEnumerable<ActivitySeries> children) => State.Ledger.Series(_profile.Level).Plus(children);

    /// <summary>The warnings this unit raises on its subtree's series for the days up to <paramref name="through"/>.</summary>
    public IReadOnlyList<EarlyWarning> Warnings(IArrivalHistory subtree, DateOnly through) => _profile.Policy.EarlyWarning.Evaluate(Ref, subtree, through);

    /// <summary>A case arrives (registered here or escalated here): triage it and assign or queue it.</summary>
    public Admission Admit(CaseFacts facts, DateTimeOffset now)
    {
        var triage = Triage.Decide(facts, _profile);
        if (State.Open.TryGetValue(facts.CaseId, out var known))
        {
            // A retried admission gets the answer it got the first time.
            return Answer(triage, known.MediatorId);
        }

        var open = new OpenCase
        {
            CaseId = facts.CaseId,
            Type = facts.Type,
            Grade = triage.Grade,
            Status = CaseStatus.Triaged,
            RegisteredAt = facts.RegisteredAt,
            AdmittedAt = now,
            Sequence = State.NextSequence++,
            RegisteredHere = facts.ReceivedBy == _profile.Id,
        };
        State.Open.Add(open.CaseId, open);
        State.Counters.Admitted++;
        if (open.RegisteredHere)
        {
            State.Ledger.RecordArrival(CentreDays.DateOf(open.RegisteredAt), open.Type);
        }

        if (triage.Grade == Grade.HighRisk && _profile.Level < _profile.Policy.HighRiskRaiseTo)
        {
            open.Leaving = true;
            return Answer(triage, null);
        }

        ArmAlarms(open);
        var mediator = PickMediator(open.Type);
        if (mediator is null)
        {
            _queue.Add(QueueKey(open));
        }
        else
        {
            Assign(open, mediator, now);
        }

        return Answer(triage, mediator);
    }

    private Admission Answer(TriageCase triage, string? mediatorId) =>
        _lastAdmission is { } last && last.Triage == triage && last.MediatorId == mediatorId
            ? last
            : _lastAdmission = new Admission(Ref, triage, mediatorId, _profile.Policy);

    /// <summary>
    /// Folds in what a case reports; returns queued cases given to mediators it freed. A report
    /// the desk already reflects (a retried command) changes nothing, so cases may re-send.
    /// </summary>
    public IReadOnlyList<QueuedAssignment> Track(CaseChange change)
    {
        if (change.Action == CaseAction.FollowUp)
        {
            CountFollowUp(change);
            return [];
        }

        if (!State.Open.TryGetValue(change.CaseId, out var open) || CaseLifecycle.StatusAfter(change.Action) is not { } status || open.Status == status)
        {
            return [];
        }

        var counters = State.Counters;
        var freed = open.HoldsMediator ? open.MediatorId : null;
        open.Status = status;
        switch (change.Action)
        {
            case CaseAction.Accept:
                ArmAlarms(open);
                counters.WaitBeforeAcceptance = counters.WaitBeforeAcceptance.Record(change.At - open.AdmittedAt);
                return [];
            case CaseAction.HoldSession:
                return [];
            case CaseAction.Resolve:
                counters.ResolvedHere++;
                State.Ledger.RecordResolution(CentreDays.DateOf(change.At));
                DisarmAll(open);
                break;
            case CaseAction.Fail:
                break;
            case CaseAction.Refer:
                counters.ReferredOut++;
                DisarmAll(open);
                break;
            case CaseAction.Close:
                // Let go at once: many closed cases are never followed up, and a desk must not grow with them.
                counters.ClosedHere++;
                counters.TimeToClose = counters.TimeToClose.Record(change.At - open.RegisteredAt);
                DisarmAll(open);
                State.Open.Remove(open.CaseId);
                return [];
            default:
                return [];
        }

        return freed is null ? [] : Free(freed, change.At);
    }

    /// <summary>
    /// A closed case's follow-up counts once: the desk no longer holds the case, so it remembers
    /// the follow-ups it counted for <see cref="FollowUpMemoryDays"/> days, long enough to
    /// recognise a client's retry that re-sends the report.
    /// </summary>
    private void CountFollowUp(CaseChange change)
    {
        var day = CentreDays.DateOf(change.At);
        if (change.Satisfaction is not { } satisfaction || !State.FollowUpsCounted.TryAdd(change.CaseId, day))
        {
            return;
        }

        State.Counters.SatisfactionSum += satisfaction;
        State.Counters.SatisfactionCount++;
        if (day > _followUpsPrunedOn)
        {
            _followUpsPrunedOn = day;
            foreach (var (caseId, counted) in State.FollowUpsCounted)
            {
                if (counted < day.AddDays(-FollowUpMemoryDays))
                {
                    State.FollowUpsCounted.Remove(caseId);
                }
            }
        }
    }

    /// <summary>The case leaves for a higher unit; returns queued cases given to the mediator it freed.</summary>
    public IReadOnlyList<QueuedAssignment> Release(string caseId, DateTimeOffset now)
    {
        if (!State.Open.Remove(caseId, out var open))
        {
            return [];
        }

        State.Counters.EscalatedOut++;
        _queue.Remove(QueueKey(open));
        DisarmAll(open);
        return open.HoldsMediator ? Free(open.MediatorId!, now) : [];
    }

    /// <summary>
    /// A case the desk admitted is not here by its own file (the registration or escalation here
    /// was never stored, or an outdated activation of the case replayed it): the admission is
    /// undone and its mediator freed; returns queued cases given to that mediator.
    /// </summary>
    public IReadOnlyList<QueuedAssignment> Forget(string caseId, DateTimeOffset now)
    {
        if (!State.Open.Remove(caseId, out var open))
        {
            return [];
        }

        State.Counters.Admitted--;
        if (open.RegisteredHere)
        {
            State.Ledger.RemoveArrival(CentreDays.DateOf(open.RegisteredAt), open.Type);
        }

        _queue.Remove(QueueKey(open));
        DisarmAll(open);
        return open.HoldsMediator ? Free(open.MediatorId!, now) : [];
    }

    /// <summary>
    /// A case this desk released is here after all, by its own file: its move up failed or was never
    /// stored (a unit above that admitted it lets it go). The desk holds it again as the file has it
    /// (status, mediator, the deadlines from its admission here, the alarms it already recorded)
    /// and takes back the escalation it counted; returns the assignment if a queued case found a
    /// free mediator at once.
    /// </summary>
    public IReadOnlyList<QueuedAssignment> Reinstate(CaseFacts facts, CaseFile file, DateTimeOffset now)
    {
        if (State.Open.ContainsKey(facts.CaseId))
        {
            return [];
        }

        AuditEntry? admitted = null, assigned = null;
        var fired = DeadlineKind.None;
        foreach (var entry in file.Trail)
        {
            if (entry.UnitId != _profile.Id)
            {
                continue;
            }

            switch (entry.Action)
            {
                case CaseAction.Triage:
                    (admitted, assigned, fired) = (entry, null, DeadlineKind.None);
                    break;
                case CaseAction.Assign:
                    assigned = entry;
                    break;
                case CaseAction.WarnUnsigned:
                    fired |= DeadlineKind.SignWarning;
                    break;
                case CaseAction.Supervise:
                    fired |= DeadlineKind.Overdue;
                    break;
            }
        }

        var open = new OpenCase
        {
            CaseId = facts.CaseId,
            Type = facts.Type,
            Grade = file.Grade ?? Triage.Decide(facts, _profile).Grade,
            Status = file.Status,
            MediatorId = assigned is null ? null : file.MediatorId,
            RegisteredAt = facts.RegisteredAt,
            AdmittedAt = admitted?.At ?? now,
            AssignedAt = assigned?.At,
            Sequence = State.NextSequence++,
            Fired = fired,
            RegisteredHere = facts.ReceivedBy == _profile.Id,
        };
        State.Open.Add(open.CaseId, open);
        State.Counters.EscalatedOut--;
        if (open.IsQueued && PickMediator(open.Type) is { } mediator)
        {
            Assign(open, mediator, now);
            return [new QueuedAssignment(open.CaseId, mediator)];
        }

        Index(open);
        return [];
    }

    /// <summary>Takes every alarm due by <paramref name="now"/>; each fires once per case and deadline.</summary>
    public IReadOnlyList<DeadlineAlarm> TakeDueAlarms(DateTimeOffset now)
    {
        List<DeadlineAlarm>? due = null;
        while (_alarms.Count > 0 && _alarms.Min.DueAt <= now)
        {
            var alarm = _alarms.Min;
            var open = _alarms.MinCase;
            open.Fired |= alarm.Kind;
            switch (alarm.Kind)
            {
                case DeadlineKind.SignWarning:
                    State.Counters.UnsignedWarnings++;
                    break;
                case DeadlineKind.Overdue:
                    State.Counters.Overdue++;
                    break;
                case DeadlineKind.OverdueEscalation:
                    open.Leaving = true;
                    _queue.Remove(QueueKey(open));
                    break;
            }

            ArmAlarms(open);
            (due ??= []).Add(alarm);
        }

        return due ?? (IReadOnlyList<DeadlineAlarm>)[];
    }

    /// <summary>An escalation the desk asked for was refused by the case: keep the case here.</summary>
    public void Stay(string caseId)
    {
        if (State.Open.TryGetValue(caseId, out var open) && open.Leaving)
        {
            open.Leaving = false;
            if (open.IsQueued)
            {
                _queue.Add(QueueKey(open));
            }

            ArmAlarms(open);
        }
    }

    /// <summary>
    /// The one-way messages the desk may have sent without knowing they arrived: assignments not
    /// yet signed for, and overdue escalations not yet carried out. Re-sent when the unit is
    /// activated again (its previous activation may have died with them); cases ignore repeats.
    /// </summary>
    public (IReadOnlyList<QueuedAssignment> Assignments, IReadOnlyList<string> Escalations) Unconfirmed()
    {
        var assignments = State.Open.Values.Where(o => o.Status == CaseStatus.Assigned && o.MediatorId is not null)
            .Select(o => new QueuedAssignment(o.CaseId, o.MediatorId!)).ToList();
        var escalations = State.Open.Values.Where(o => o.Leaving && (o.Fired & DeadlineKind.OverdueEscalation) != 0)
            .Select(o => o.CaseId).ToList();
        return (assignments, escalations);
    }

    public UnitFigures Figures()
    {
        var byStatus = new Dictionary<CaseStatus, long>();
        foreach (var open in State.Open.Values)
        {
            byStatus[open.Status] = byStatus.GetValueOrDefault(open.Status) + 1;
        }

        return UnitFigures.From(_profile.Id, _profile.Level, State.Counters, byStatus);
    }

    public bool Holds(string caseId) => State.Open.ContainsKey(caseId);

    /// <summary>Puts a held case where the desk looks for it: its mediator's load or the queue, and its next alarm.</summary>
    private void Index(OpenCase open)
    {
        if (open.HoldsMediator && PositionOf(open.MediatorId!) is >= 0 and var position)
        {
            _loads[position]++;
        }
        else if (open.IsQueued)
        {
            _queue.Add(QueueKey(open));
        }

        ArmAlarms(open);
    }

    private static bool IsOpenHere(OpenCase open) => !open.Leaving && open.Status is not (CaseStatus.Resolved or CaseStatus.Referred);

    private IReadOnlyList<QueuedAssignment> Free(string mediatorId, DateTimeOffset now)
    {
        var position = PositionOf(mediatorId);
        if (position >= 0)
        {
            _loads[position]--;
        }

        if (_queue.Count == 0)
        {
            return [];
        }

        var skills = position >= 0 ? _skills[position] : 0;
        foreach (var key in _queue)
        {
            var open = State.Open[key.CaseId];
            if (IsEligible(skills, open.Type))
            {
                _queue.Remove(key);
                Assign(open, mediatorId, now);
                return [new QueuedAssignment(open.CaseId, mediatorId)];
            }
        }

        return [];
    }

    /// <summary>The least-loaded free mediator who handles the type (anyone free, if nobody here specialises in it).</summary>
    private string? PickMediator(CaseType type)
    {
        string? best = null;
        var bestLoad = int.MaxValue;
        for (var m = 0; m < _profile.Mediators.Count; m++)
        {
            var mediator = _profile.Mediators[m];
            var load = _loads[m];
            if (load < mediator.Capacity && load < bestLoad && IsEligible(_skills[m], type))
            {
                best = mediator.Id;
                bestLoad = load;
            }
        }

        return best;
    }

    private bool IsEligible(long skills, CaseType type) => (skills & Bit(type)) != 0 || (_covered & Bit(type)) == 0;

    /// <summary>The mediator's position in the profile, -1 for one the unit no longer has.</summary>
    private int PositionOf(string mediatorId)
    {
        if (_positions is not null)
        {
            return _positions.GetValueOrDefault(mediatorId, -1);
        }

        for (var m = 0; m < _loads.Length; m++)
        {
            if (string.Equals(_profile.Mediators[m].Id, mediatorId, StringComparison.Ordinal))
            {
                return m;
            }
        }

        return -1;
    }

    private void Assign(OpenCase open, string mediatorId, DateTimeOffset now)
    {
        open.Status = CaseStatus.Assigned;
        open.MediatorId = mediatorId;
        open.AssignedAt = now;
        var position = PositionOf(mediatorId);
        if (position < 0)
        {
            throw new KeyNotFoundException($"Mediator {mediatorId} is not on unit {_profile.Id}'s team.");
        }

        _loads[position]++;
        ArmAlarms(open);
    }

    /// <summary>Keeps exactly one alarm per case in the index: its earliest one not yet fired.</summary>
    private void ArmAlarms(OpenCase open)
    {
        DeadlineAlarm? next = null;
        if (!open.Leaving && open.Status is not (CaseStatus.Resolved or CaseStatus.Referred))
        {
            var deadlines = DeadlinesOf(open);
            foreach (var kind in s_alarmKinds)
            {
                var eligible = (open.Fired & kind) == 0 && (kind != DeadlineKind.SignWarning || open.Status == CaseStatus.Assigned);
                if (eligible && AlarmOf(open, kind, deadlines) is { } alarm && (next is null || alarm.CompareTo(next.Value) < 0))
                {
                    next = alarm;
                }
            }
        }

        _alarms.Set(open, next);
    }

    private void DisarmAll(OpenCase open) => _alarms.Set(open, null);

    private CaseDeadlines DeadlinesOf(OpenCase open) => CaseDeadlines.At(open.AdmittedAt, open.Grade, open.AssignedAt, _profile.Policy);

    /// <summary>The case's alarm of this kind here, if it can have one.</summary>
    private DeadlineAlarm? AlarmOf(OpenCase open, DeadlineKind kind, CaseDeadlines deadlines) => kind switch
    {
        DeadlineKind.SignWarning when deadlines.SignBy is { } signBy => new DeadlineAlarm(signBy, open.CaseId, kind),
        DeadlineKind.Overdue => new DeadlineAlarm(deadlines.CloseBy!.Value, open.CaseId, kind),
        DeadlineKind.OverdueEscalation when deadlines.EscalateBy is { } escalateBy && _profile.Level != Level.City => new DeadlineAlarm(escalateBy, open.CaseId, kind),
        _ => null,
    };

    private static (int, long, string) QueueKey(OpenCase open) => (open.Grade == Grade.HighRisk ? 0 : 1, open.Sequence, open.CaseId);

    private static long Bit(CaseType type) => 1L << (int)type;
}
