using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Figures;
using Orleans.Governance.Simulation.Hosts;
using Orleans.Governance.Simulation.Scenarios;
using Orleans.Governance.Simulation.Statistics;

namespace Orleans.Governance.Simulation.Checks;

/// <summary>
/// What one checked run left behind, read at the horizon before its host stops: the engine's
/// figures and cases, the JSON a planner would get, every unit's own figures and desk (its queue
/// and its assigned cases), every centre's roll-up, the city's figures and every registered
/// case's file (its parties removed).
/// </summary>
public sealed record RunObservation(
    HostKind Host,
    ScenarioVariation Variation,
    Scenario Scenario,
    CityPlan Plan,
    RunResult Run,
    string Json,
    IReadOnlyDictionary<string, UnitFigures> Own,
    IReadOnlyDictionary<string, UnitFigures> Rollups,
    UnitFigures City,
    IReadOnlyDictionary<string, CaseFile> Cases,
    IReadOnlyDictionary<string, IReadOnlyList<WorkItem>> Desks);
