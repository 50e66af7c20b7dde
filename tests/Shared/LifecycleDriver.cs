using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Tests.Shared;

/// <summary>
/// Plays the people who handle one case: the mediator who holds it signs, mediates and reaches an
/// agreement or fails, escalates it one level up, closes it and follows it up. Every step must be
/// accepted; a refusal throws with its message. The benchmark, the durability load and the grain
/// tests drive cases through here. Each call goes through <c>send</c>: by default straight to the
/// grain; the durability load repeats it through a silo's death (cases answer a repeat as before).
/// </summary>
public sealed class LifecycleDriver(ICaseGrain grain, Func<Func<Task<CaseReceipt>>, Task<CaseReceipt>>? send = null)
{
    private readonly Func<Func<Task<CaseReceipt>>, Task<CaseReceipt>> _send = send ?? (call => call());

    public Task<CaseReceipt> RegisterAsync(CaseIntake intake, string registeredBy) =>
        StepAsync(() => grain.RegisterAsync(intake, registeredBy));

    /// <summary>
    /// The standard escalation lifecycle, from a case registered at a grid: its grid worker signs,
    /// fails and blows the whistle (网格吹哨); the village's mediator signs, holds a session,
    /// resolves, closes and follows up.
    /// </summary>
    public async Task<CaseReceipt> EscalateToVillageAndCloseAsync(CaseReceipt atGrid)
    {
        var worker = MediatorOf(atGrid);
        await StepAsync(() => grain.ExecuteAsync(new AcceptCase(worker)));
        await StepAsync(() => grain.ExecuteAsync(new FailCase(worker, "需村委会协调")));
        var atVillage = await StepAsync(() => grain.EscalateAsync(worker, "网格吹哨"));
        return await CloseAndFollowUpAsync(await MediateAsync(atVillage, agreement: true));
    }

    /// <summary>The assigned mediator signs, holds a session and reaches an agreement or fails.</summary>
    public async Task<CaseReceipt> MediateAsync(CaseReceipt receipt, bool agreement)
    {
        var mediator = MediatorOf(receipt);
        await StepAsync(() => grain.ExecuteAsync(new AcceptCase(mediator)));
        await StepAsync(() => grain.ExecuteAsync(new HoldSession(mediator, [])));
        return await StepAsync(() => grain.ExecuteAsync(agreement ? new ResolveCase(mediator) : new FailCase(mediator, "双方分歧较大")));
    }

    /// <summary>Fails the case at every level from where it is up to <paramref name="level"/>, then mediates there.</summary>
    public async Task<CaseReceipt> ClimbToAsync(CaseReceipt receipt, Level level, bool agreementThere)
    {
        while (receipt.Level < level)
        {
            var failed = await MediateAsync(receipt, agreement: false);
            receipt = await StepAsync(() => grain.EscalateAsync(failed.MediatorId!, "调解不成，上报"));
        }

        return await MediateAsync(receipt, agreementThere);
    }

    /// <summary>The mediator who resolved the case closes it and follows it up (satisfaction 5).</summary>
    public async Task<CaseReceipt> CloseAndFollowUpAsync(CaseReceipt resolved)
    {
        var mediator = MediatorOf(resolved);
        await StepAsync(() => grain.ExecuteAsync(new CloseCase(mediator)));
        return await StepAsync(() => grain.ExecuteAsync(new FollowUpCase(mediator, 5)));
    }

    public static CaseReceipt Accepted(CaseReceipt receipt) =>
        receipt.Refusal is null ? receipt : throw new InvalidOperationException(receipt.Refusal.Message);

    private static string MediatorOf(CaseReceipt receipt) =>
        receipt.MediatorId ?? throw new InvalidOperationException($"Case {receipt.CaseId} has no mediator ({receipt.Status}).");

    private async Task<CaseReceipt> StepAsync(Func<Task<CaseReceipt>> call) => Accepted(await _send(call));
}
