using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Tests.Support;

/// <summary>Plays the people at the units: the mediator who holds a case signs, mediates, resolves or fails it.</summary>
public static class CaseDriver
{
    public static CaseIntake Report(UnitProfile unit, CaseType type = CaseType.Neighbour, bool highRisk = false) =>
        new(unit.Ref, unit.Level == Level.Grid ? IntakeChannel.GridPatrol : IntakeChannel.WalkIn, type, "邻里因排水沟发生纠纷",
            [new CaseParty("李四", "13900001111", "371402199002023456"), new CaseParty("王五", "13900002222", "371402199103034567")])
        {
            HighRisk = highRisk,
        };

    public static async Task<CaseReceipt> RegisterAsync(this IClusterClient client, string caseId, CaseIntake intake) =>
        Accepted(await client.GetGrain<ICaseGrain>(caseId).RegisterAsync(intake, intake.Unit.Id + "/desk"));

    /// <summary>The assigned mediator signs, holds a session and reaches an agreement or fails.</summary>
    public static async Task<CaseReceipt> MediateAsync(this ICaseGrain grain, CaseReceipt receipt, bool agreement)
    {
        var mediator = receipt.MediatorId ?? throw new InvalidOperationException($"Case {receipt.CaseId} has no mediator ({receipt.Status}).");
        Accepted(await grain.ExecuteAsync(new AcceptCase(mediator)));
        Accepted(await grain.ExecuteAsync(new HoldSession(mediator, [])));
        return Accepted(await grain.ExecuteAsync(agreement ? new ResolveCase(mediator) : new FailCase(mediator, "双方分歧较大")));
    }

    /// <summary>Fails the case at every level from where it is up to <paramref name="level"/>, then mediates there.</summary>
    public static async Task<CaseReceipt> ClimbToAsync(this ICaseGrain grain, CaseReceipt receipt, Level level, bool agreementThere)
    {
        while (receipt.Level < level)
        {
            receipt = await grain.MediateAsync(receipt, agreement: false);
            receipt = Accepted(await grain.EscalateAsync(receipt.MediatorId!, "调解不成，上报"));
        }

        return await grain.MediateAsync(receipt, agreementThere);
    }

    public static CaseReceipt Accepted(CaseReceipt receipt) =>
        receipt.Refusal is null ? receipt : throw new InvalidOperationException(receipt.Refusal.Message);

    public static UnitProfile At(this CityPlan plan, Level level) => plan.Units.First(u => u.Level == level);
}
