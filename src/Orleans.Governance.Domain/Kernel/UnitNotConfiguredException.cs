namespace Orleans.Governance.Domain.Kernel;

/// <summary>
/// A unit was asked to work before its city was loaded: after a restart of an embedded silo,
/// until the city is loaded again, or for a unit id that no loaded city has. Clients that keep
/// driving the cluster retry it within their own time bound.
/// </summary>
[GenerateSerializer, Alias("gov.unit-not-configured")]
public sealed class UnitNotConfiguredException : Exception
{
    public UnitNotConfiguredException(string unitId)
        : base($"Unit {unitId} has not been configured: load the city first.") => UnitId = unitId;

    [Id(0)] public string UnitId { get; }
}
