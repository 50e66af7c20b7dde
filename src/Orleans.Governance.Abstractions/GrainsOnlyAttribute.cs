namespace Orleans.Governance.Abstractions;

/// <summary>
/// A method of the units' and cases' own protocol (admissions, reports, alarms): the silos refuse
/// it from anything that is not a grain, so that a client of the cluster cannot admit, release or
/// alarm on a unit's behalf.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class GrainsOnlyAttribute : Attribute;
