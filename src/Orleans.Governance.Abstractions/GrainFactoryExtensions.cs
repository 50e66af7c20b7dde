using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Abstractions;

/// <summary>Finds the grain of a unit from its reference: grids and centres are different grain types.</summary>
public static class GrainFactoryExtensions
{
    public static IUnitGrain GetUnit(this IGrainFactory grains, UnitRef unit) =>
        unit.Level == Level.Grid ? grains.GetGrain<IGridGrain>(unit.Id) : grains.GetGrain<ICentreGrain>(unit.Id);
}
