using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Tests.Support;

/// <summary>Reports disputes at the test cities' units and registers them; <see cref="LifecycleDriver"/> plays the people who handle them.</summary>
public static class CaseDriver
{
    public static CaseIntake Report(UnitProfile unit, CaseType type = CaseType.Neighbour, bool highRisk = false) =>
        new(unit.Ref, unit.Level == Level.Grid ? IntakeChannel.GridPatrol : IntakeChannel.WalkIn, type, "邻里因排水沟发生纠纷",
            [new CaseParty("李四", "13900001111", "371402199002023456"), new CaseParty("王五", "13900002222", "371402199103034567")])
        {
            HighRisk = highRisk,
        };

    public static Task<CaseReceipt> RegisterAsync(this IClusterClient client, string caseId, CaseIntake intake) =>
        new LifecycleDriver(client.GetGrain<ICaseGrain>(caseId)).RegisterAsync(intake, intake.Unit.Id + "/desk");

    public static UnitProfile At(this CityPlan plan, Level level) => plan.Units.First(u => u.Level == level);
}
