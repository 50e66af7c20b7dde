using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Domain.Kernel;
using Orleans.Governance.Domain.Warnings;

namespace Orleans.Governance.Simulation.Hosts;

public sealed partial class KernelHost
{
    private enum PostKind
    {
        Assignment,
        Alarm,
        Stay,
    }

    /// <summary>A one-way message waiting in the FIFO: to a case (assignment, alarm) or to a unit (stay).</summary>
    private readonly record struct Post(PostKind Kind, string CaseId, UnitRef Unit, string? MediatorId, DeadlineKind Alarm);

    /// <summary>A case or unit as the runtime would hold it: one call at a time.</summary>
    private abstract class Participant
    {
        private bool _busy;

        /// <summary>"Case …" or "Unit …", for the one message that names it.</summary>
        protected abstract string Name { get; }

        /// <summary>Marks the participant busy until the returned scope is disposed.</summary>
        public Scope Enter()
        {
            if (_busy)
            {
                throw new InvalidOperationException($"{Name} was called while it waited on a call of its own: the grains would deadlock here.");
            }

            _busy = true;
            return new Scope(this);
        }

        public readonly struct Scope(Participant participant) : IDisposable
        {
            public void Dispose() => participant._busy = false;
        }
    }

    private sealed class KernelCase : Participant, ICasePorts
    {
        private readonly KernelHost _host;

        // The unit the case last called: it calls the unit holding it on every transition.
        private KernelUnit? _unit;

        public KernelCase(KernelHost host, string caseId)
        {
            _host = host;
            Id = caseId;
            Handler = new CaseHandler(caseId, this, host._logger);

            // Nothing here is stored or sent, and the model never keeps a file it read, so the file may change in place.
            State = new CaseState { File = CaseFile.Working(caseId) };
        }

        public string Id { get; }

        public CaseHandler Handler { get; }

        public CaseState State { get; }

        protected override string Name => $"Case {Id}";

        public DateTimeOffset Now => _host.Clock.GetUtcNow();

        public ValueTask SaveAsync() => ValueTask.CompletedTask;

        public ValueTask<Admission> AdmitAsync(UnitRef unit, CaseFacts facts) => ValueTask.FromResult(_host.Admit(UnitAt(unit), facts));

        public ValueTask<Admission> PassUpAsync(UnitRef from, CaseFacts facts, EscalationKind kind)
        {
            var unit = UnitAt(from);
            using (unit.Enter())
            {
                return ValueTask.FromResult(Await(unit.Handler.PassUpAsync(facts, kind)));
            }
        }

        public ValueTask ReportAsync(UnitRef unit, CaseChange change)
        {
            var target = UnitAt(unit);
            using (target.Enter())
            {
                Await(target.Handler.TrackAsync(change));
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask ForgetAsync(UnitRef unit, string caseId) => CallUnit(unit, caseId, static (handler, id) => handler.ForgetAsync(id));

        public ValueTask ReinstateAsync(UnitRef unit, CaseFacts facts, CaseFile file) =>
            CallUnit(unit, (facts, file), static (handler, moved) => handler.ReinstateAsync(moved.facts, moved.file));

        public void PostStay(UnitRef unit, string caseId) => _host._posts.Enqueue(new Post(PostKind.Stay, caseId, unit, null, DeadlineKind.None));

        /// <summary>A call the case makes rarely (mending what a failed save left), to any unit by id.</summary>
        private ValueTask CallUnit<TArgument>(UnitRef unit, TArgument argument, Func<UnitHandler, TArgument, ValueTask> call)
        {
            var target = _host.UnitOf(unit.Id);
            using (target.Enter())
            {
                Await(call(target.Handler, argument));
            }

            return ValueTask.CompletedTask;
        }

        /// <summary>The unit the case last called, or after an escalation one of that unit's ancestors, found without a lookup by id.</summary>
        private KernelUnit UnitAt(UnitRef unit)
        {
            for (var known = _unit; known is not null; known = known.Parent)
            {
                if (known.Id == unit.Id)
                {
                    return _unit = known;
                }
            }

            return _unit = _host.UnitOf(unit.Id);
        }
    }

    private sealed class KernelUnit : Participant, IUnitPorts, ILedgerObserver
    {
        private readonly KernelHost _host;
        private ITimer? _wakeUp;

        private readonly string _unitId;

        public KernelUnit(KernelHost host, string unitId)
        {
            _host = host;
            _unitId = unitId;
            Handler = new UnitHandler(unitId, this, host._logger);
        }

        public UnitHandler Handler { get; }

        public string Id => _unitId;

        /// <summary>The unit above, once the city is loaded.</summary>
        public KernelUnit? Parent { get; set; }

        /// <summary>The units below, in the profile's order, once the city is loaded.</summary>
        public KernelUnit[] Children { get; set; } = [];

        /// <summary>The unit's early-warning rule and reference, as its desk has them once the city is loaded.</summary>
        public EarlyWarningRule Rule { get; set; } = new();

        /// <inheritdoc cref="Rule"/>
        public UnitRef Ref { get; set; } = new("", Level.Grid);

        /// <summary>The run of the host's tested units that lies in this unit's subtree (from, to excluded).</summary>
        public int TestedFrom { get; set; }

        /// <inheritdoc cref="TestedFrom"/>
        public int TestedTo { get; set; }

        /// <summary>The subtree's first day and its arrivals over the days the unit's rule reads, as far as the ledgers read so far say.</summary>
        public SubtreeArrivals Arrivals { get; set; } = new(0);

        public UnitState Unit { get; } = new();

        protected override string Name => $"Unit {_unitId}";

        public DeskState Desk { get; } = new();

        public DateTimeOffset Now => _host.Clock.GetUtcNow();

        public ValueTask WriteUnitAsync() => ValueTask.CompletedTask;

        public ValueTask WriteDeskAsync() => ValueTask.CompletedTask;

        /// <summary>Memory never fails a write, so nothing is ever read back.</summary>
        public ValueTask<bool> ReloadAsync() => ValueTask.FromResult(true);

        /// <summary>A unit passes cases up to one of its ancestors, found up the tree rather than by id.</summary>
        public ValueTask<Admission> AdmitAsync(UnitRef unit, CaseFacts facts)
        {
            var above = Parent;
            while (above is not null && above.Id != unit.Id)
            {
                above = above.Parent;
            }

            return ValueTask.FromResult(_host.Admit(above ?? _host.UnitOf(unit.Id), facts));
        }

        public void PostAssignment(string caseId, UnitRef unit, string mediatorId) =>
            _host._posts.Enqueue(new Post(PostKind.Assignment, caseId, unit, mediatorId, DeadlineKind.None));

        public void PostAlarm(string caseId, UnitRef unit, DeadlineKind kind) =>
            _host._posts.Enqueue(new Post(PostKind.Alarm, caseId, unit, null, kind));

        /// <summary>A virtual timer created and changed as the grain timer changes its own, so both hosts book the same calendar entries in the same order.</summary>
        public void WakeAfter(TimeSpan? wait)
        {
            if (wait is not { } due)
            {
                _wakeUp?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                return;
            }

            _wakeUp ??= _host.Clock.CreateTimer(static unit => ((KernelUnit)unit!).Wake(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _wakeUp.Change(due, Timeout.InfiniteTimeSpan);
        }

        public ValueTask KeepAlarmsAliveAsync(bool hasAlarms) => ValueTask.CompletedTask;

        /// <summary>A change of the unit's own ledger, added to its subtree's sums and every sum above.</summary>
        public void ArrivalsChanged(DateOnly day, CaseType type, int change)
        {
            for (var above = this; above is not null; above = above.Parent)
            {
                above.Arrivals.Add(day.DayNumber, (int)type, change);
            }
        }

        /// <summary>A subtree's first day is its units' earliest, and a ledger's first day only moves back.</summary>
        public void SinceMoved(DateOnly since)
        {
            for (var above = this; above is not null && !(above.Arrivals.Since <= since); above = above.Parent)
            {
                above.Arrivals.Since = since;
            }
        }

        private void Wake()
        {
            using (Enter())
            {
                Await(Handler.WatchAsync());
            }
        }
    }
}
