using System.Collections.Concurrent;
using System.Reflection;
using Orleans.Concurrency;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Simulation.Engine;

/// <summary>
/// The engine's view into the silo, as grain call filters (the grains themselves are untouched):
/// <list type="bullet">
/// <item>one-way messages between the governance grains are held at the sender and released by the
/// engine one at a time, in the order they were sent, so no two cascades ever race;</item>
/// <item>it counts the work the engine does not await (released one-way messages, timer ticks) so
/// the engine knows when the silo has settled at the current virtual time;</item>
/// <item>it records admissions, queue assignments and alarms as <see cref="GrainNotice"/>s.</item>
/// </list>
/// </summary>
public sealed class CallTracker : IIncomingGrainCallFilter, IOutgoingGrainCallFilter, IHostActivity
{
    private static readonly ConcurrentDictionary<MethodInfo, bool> s_oneWay = new();
    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource> _held = new();
    private readonly List<GrainNotice> _notices = [];
    private TaskCompletionSource? _idle;
    private int _inFlight;

    /// <summary>How long the silo may take to settle before the run is declared stuck (wall time: generous, so that a loaded machine is not taken for a stuck run).</summary>
    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromMinutes(10);

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (!IsGovernanceOneWay(context.InterfaceMethod))
        {
            await context.Invoke();
            return;
        }

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _held.Enqueue(gate);
        }

        await gate.Task;
        await context.Invoke();
    }

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var method = context.InterfaceMethod;
        var counted = IsTimerTick(method) || IsGovernanceOneWay(method);
        try
        {
            await context.Invoke();
            Observe(context, method);
        }
        finally
        {
            if (counted)
            {
                Done();
            }
        }
    }

    /// <inheritdoc/>
    public void BeginTick()
    {
        lock (_lock)
        {
            _inFlight++;
        }
    }

    /// <inheritdoc/>
    public void EndTick() => Done();

    /// <summary>Waits until nothing is in flight, releasing held one-way messages one by one in send order.</summary>
    public async Task SettleAsync()
    {
        while (true)
        {
            Task idle;
            lock (_lock)
            {
                if (_inFlight == 0)
                {
                    if (!_held.TryDequeue(out var gate))
                    {
                        return;
                    }

                    _inFlight++;
                    gate.SetResult();
                }

                idle = (_idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }

            try
            {
                await idle.WaitAsync(SettleTimeout);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"The silo did not settle within {SettleTimeout.TotalSeconds:0} s: {_inFlight} timer tick(s) or one-way message(s) still in flight, {_held.Count} held.");
            }
        }
    }

    /// <summary>Moves the notices recorded since the last call into <paramref name="into"/>, in the order they happened.</summary>
    public void TakeNotices(List<GrainNotice> into)
    {
        lock (_lock)
        {
            into.AddRange(_notices);
            _notices.Clear();
        }
    }

    private void Done()
    {
        lock (_lock)
        {
            if (--_inFlight == 0 && _idle is { } idle)
            {
                _idle = null;
                idle.SetResult();
            }
        }
    }

    private void Observe(IIncomingGrainCallContext context, MethodInfo method)
    {
        GrainNotice? notice = method.Name switch
        {
            nameof(IUnitGrain.AdmitAsync) when context.Result is Admission admission && context.Request.GetArgument(0) is CaseFacts facts
                => new GrainNotice(NoticeKind.Admitted, facts.CaseId, admission.Unit, admission.MediatorId, DeadlineKind.None),
            nameof(ICaseGrain.AssignFromQueueAsync) when context.Request.GetArgument(0) is UnitRef unit
                => new GrainNotice(NoticeKind.AssignedFromQueue, context.TargetId.Key.ToString(), unit, (string?)context.Request.GetArgument(1), DeadlineKind.None),
            nameof(ICaseGrain.RaiseAlarmAsync) when context.Request.GetArgument(0) is UnitRef unit && context.Request.GetArgument(1) is DeadlineKind kind
                => new GrainNotice(NoticeKind.Alarm, context.TargetId.Key.ToString(), unit, null, kind),
            _ => null,
        };
        if (notice is { } n)
        {
            lock (_lock)
            {
                _notices.Add(n);
            }
        }
    }

    private static bool IsTimerTick(MethodInfo method) => method.DeclaringType?.Name == "IGrainTimerInvoker";

    private static bool IsGovernanceOneWay(MethodInfo method) => s_oneWay.GetOrAdd(method, static m =>
        m.DeclaringType?.Assembly == typeof(ICaseGrain).Assembly && m.IsDefined(typeof(OneWayAttribute)));
}
