using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Figures;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Domain.Warnings;
using Orleans.Governance.Simulation.Engine;

namespace Orleans.Governance.Simulation.Hosts;

/// <summary>
/// The kernel's handlers run directly, on one thread, as the grain host runs them through the
/// runtime: awaited calls become nested calls, one-way messages a FIFO drained after each event
/// (one message at a time, in send order, as the call tracker releases them), wake-ups virtual
/// timers in the engine's calendar, storage the objects themselves. A call into a case or unit
/// that is still waiting on a call of its own is refused: the grains would deadlock there.
/// Cases the model has finished with are dropped unless <paramref name="keepCases"/>, so a long
/// run holds only its open cases.
/// </summary>
public sealed partial class KernelHost(VirtualTimeProvider clock, bool keepCases = false, ILogger? logger = null) : IGovernanceHost
{
    private readonly Dictionary<string, KernelUnit> _units = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KernelCase> _cases = new(StringComparer.Ordinal);
    private readonly Queue<Post> _posts = new();
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly List<GrainNotice> _notices = [];

    // The case last called: the model often sends one case two commands in a row (accepted, then a session).
    private KernelCase? _lastCase;

    public bool StoresParties => false;

    public VirtualTimeProvider Clock => clock;

    public Task LoadAsync(CityPlan city)
    {
        var units = new List<KernelUnit>(city.Units.Count);
        foreach (var profile in city.Units)
        {
            var unit = UnitOf(profile.Id, create: true);
            using var busy = unit.Enter();
            Await(unit.Handler.ConfigureAsync(profile));
            unit.Parent = profile.Ancestors.Count > 0 ? UnitOf(profile.Ancestors[0].Id) : null;
            units.Add(unit);
        }

        PrepareSums(units);
        return Task.CompletedTask;
    }

    public ValueTask<CaseRefusal?> RegisterAsync(string caseId, CaseIntake intake, string actor)
    {
        var @case = CaseOf(caseId);
        using var busy = @case.Enter();
        return new(Await(@case.Handler.RegisterAsync(intake, actor)));
    }

    public ValueTask<CaseRefusal?> ExecuteAsync(string caseId, CaseCommand command)
    {
        var @case = CaseOf(caseId);
        using var busy = @case.Enter();
        return new(Await(@case.Handler.ExecuteAsync(command)));
    }

    public ValueTask<CaseRefusal?> EscalateAsync(string caseId, string actor, string reason)
    {
        var @case = CaseOf(caseId);
        using var busy = @case.Enter();
        return new(Await(@case.Handler.EscalateAsync(actor, reason)));
    }

    public void Finished(string caseId)
    {
        if (!keepCases)
        {
            _cases.Remove(caseId);
            _lastCase = null;
        }
    }

    public void TakeNotices(List<GrainNotice> into)
    {
        into.AddRange(_notices);
        _notices.Clear();
    }

    public Task<DailyRollup> GetDailyRollupAsync(UnitRef unit, DateOnly through) => Task.FromResult(DailyRollup(UnitOf(unit.Id), through));

    public Task<SubtreeWarnings> GetWarningsAsync(UnitRef unit, DateOnly through) => Task.FromResult(Warnings(UnitOf(unit.Id), through));

    public Task<UnitFigures> GetFiguresAsync(UnitRef unit) => Task.FromResult(UnitOf(unit.Id).Handler.Desk.Figures());

    public Task<UnitFigures> GetSubtreeFiguresAsync(UnitRef centre) => Task.FromResult(SubtreeFigures(UnitOf(centre.Id)));

    public Task<IReadOnlyList<WorkItem>> GetWorklistAsync(UnitRef unit, Worklist list) => Task.FromResult(UnitOf(unit.Id).Handler.Desk.Worklist(list));

    public Task<CaseFile> GetCaseAsync(string caseId) => Task.FromResult(CaseOf(caseId).Handler.File);

    public void BeginTick()
    {
        // A wake-up runs inside the timer's callback: nothing stays in flight.
    }

    public void EndTick()
    {
    }

    public Task SettleAsync()
    {
        while (_posts.TryDequeue(out var post))
        {
            Deliver(post);
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void Deliver(Post post)
    {
        switch (post.Kind)
        {
            case PostKind.Assignment:
                var assigned = CaseOf(post.CaseId);
                using (assigned.Enter())
                {
                    Await(assigned.Handler.AssignFromQueueAsync(post.Unit, post.MediatorId!));
                }

                _notices.Add(new GrainNotice(NoticeKind.AssignedFromQueue, post.CaseId, post.Unit, post.MediatorId, DeadlineKind.None));
                break;
            case PostKind.Alarm:
                var alarmed = CaseOf(post.CaseId);
                using (alarmed.Enter())
                {
                    Await(alarmed.Handler.RaiseAlarmAsync(post.Unit, post.Alarm));
                }

                _notices.Add(new GrainNotice(NoticeKind.Alarm, post.CaseId, post.Unit, null, post.Alarm));
                break;
            case PostKind.Stay:
                var unit = UnitOf(post.Unit.Id);
                using (unit.Enter())
                {
                    Await(unit.Handler.StayAsync(post.CaseId));
                }

                break;
        }
    }

    /// <summary>A case arrives at a unit (registered or passed up there): the admission notice is taken when the unit has answered, as the call tracker takes it.</summary>
    private Admission Admit(KernelUnit unit, CaseFacts facts)
    {
        Admission admission;
        using (unit.Enter())
        {
            admission = Await(unit.Handler.AdmitAsync(facts));
        }

        _notices.Add(new GrainNotice(NoticeKind.Admitted, facts.CaseId, admission.Unit, admission.MediatorId, DeadlineKind.None));
        return admission;
    }

    /// <summary>The roll-up the grains compute, from the same rules, summed on demand down the whole subtree.</summary>
    private static DailyRollup DailyRollup(KernelUnit unit, DateOnly through) =>
        unit.Handler.DailyRollup(through, [.. unit.Children.Select(child => DailyRollup(child, through))]);

    private static UnitFigures SubtreeFigures(KernelUnit unit) =>
        unit.Handler.SubtreeFigures(unit.Children.Select(child => child.Handler.Desk.Profile.Level == Level.Grid
            ? child.Handler.Desk.Figures()
            : SubtreeFigures(child)));

    private KernelCase CaseOf(string caseId)
    {
        if (_lastCase?.Id == caseId)
        {
            return _lastCase;
        }

        if (!_cases.TryGetValue(caseId, out var found))
        {
            found = new KernelCase(this, caseId);
            _cases.Add(caseId, found);
        }

        return _lastCase = found;
    }

    private KernelUnit UnitOf(string unitId, bool create = false)
    {
        if (_units.TryGetValue(unitId, out var found))
        {
            return found;
        }

        if (!create)
        {
            throw new InvalidOperationException($"Unit {unitId} is not in the loaded city.");
        }

        found = new KernelUnit(this, unitId);
        _units.Add(unitId, found);
        using (found.Enter())
        {
            Await(found.Handler.RestoreAsync());
        }

        return found;
    }

    /// <summary>Every port completes at once here, so every handler call does: anything else is a host bug, not a wait.</summary>
    private static T Await<T>(ValueTask<T> call) => call.IsCompleted ? call.GetAwaiter().GetResult() : throw NotSynchronous();

    private static void Await(ValueTask call)
    {
        if (!call.IsCompleted)
        {
            throw NotSynchronous();
        }

        call.GetAwaiter().GetResult();
    }

    private static InvalidOperationException NotSynchronous() => new("A kernel handler did not complete at once on the kernel host, whose ports all do.");
}
