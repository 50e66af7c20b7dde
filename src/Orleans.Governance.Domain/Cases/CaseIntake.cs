using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.Cases;

/// <summary>
/// What is known when a case is registered (登记): the facts that triage grades it by, and the
/// parties. <paramref name="Unit"/> is the grid or centre that received it (首问负责).
/// </summary>
[GenerateSerializer, Immutable, Alias("gov.case-intake")]
public sealed record CaseIntake(
    [property: Id(0)] UnitRef Unit,
    [property: Id(1)] IntakeChannel Channel,
    [property: Id(2)] CaseType Type,
    [property: Id(3)] string Description,
    [property: Id(4)] IReadOnlyList<CaseParty> Parties)
{
    /// <summary>Reported signs of risk: threats, group incidents, a petition in the making.</summary>
    [Id(5)] public bool HighRisk { get; init; }

    /// <summary>A historical dispute that has come back (信访积案、历史遗留).</summary>
    [Id(6)] public bool LongStanding { get; init; }

    /// <summary>Amount in dispute, in yuan (0 when none).</summary>
    [Id(7)] public long AmountYuan { get; init; }
}
