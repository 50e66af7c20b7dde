using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.Warnings;

/// <summary>
/// A spike (研判预警): <see cref="Observed"/> cases of one type registered in a unit's subtree over
/// the window, where its own baseline gave <see cref="Expected"/>; <see cref="PValue"/> is the
/// chance of that many or more had nothing changed. <see cref="Since"/> is the first day of the
/// unbroken run of days on which the rule has held.
/// </summary>
[GenerateSerializer, Immutable, Alias("gov.early-warning")]
public sealed record EarlyWarning(
    [property: Id(0)] string UnitId,
    [property: Id(1)] Level Level,
    [property: Id(2)] CaseType Type,
    [property: Id(3)] DateOnly WindowFrom,
    [property: Id(4)] DateOnly WindowTo,
    [property: Id(5)] int Observed,
    [property: Id(6)] double Expected,
    [property: Id(7)] double PValue,
    [property: Id(8)] DateOnly Since);
