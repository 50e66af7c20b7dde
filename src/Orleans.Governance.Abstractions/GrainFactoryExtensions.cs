using System.Runtime.CompilerServices;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Abstractions;

/// <summary>
/// References to the grains every transition calls. Orleans' <c>GetGrain&lt;T&gt;(key)</c> maps the
/// interface to its grain type anew on each call, reading attributes and formatting type names
/// (≈ 3 % of a lifecycle's CPU in the core benchmark); here the mapping is made once per factory.
/// </summary>
public static class GrainFactoryExtensions
{
    private const int ConfigureBatchSize = 512;

    /// <summary>Grids and centres are different grain types behind one interface.</summary>
    public static IUnitGrain GetUnit(this IGrainFactory grains, UnitRef unit) =>
        unit.Level == Level.Grid ? grains.Get<IGridGrain>(unit.Id) : grains.Get<ICentreGrain>(unit.Id);

    /// <summary>
    /// Configures validated units a batch at a time (all of a city's 17,000 at once would flood the
    /// silo), in the plan's order, the city first; <paramref name="done"/> hears the count after each
    /// batch. Returns how many changed (loading is idempotent).
    /// </summary>
    public static async Task<int> ConfigureUnitsAsync(this IGrainFactory grains, IReadOnlyList<UnitProfile> units, Action<int>? done = null)
    {
        var (configured, count) = (0, 0);
        foreach (var batch in units.Chunk(ConfigureBatchSize))
        {
            var changed = await Task.WhenAll(batch.Select(unit => grains.GetUnit(unit.Ref).ConfigureAsync(unit)));
            configured += changed.Count(c => c);
            count += batch.Length;
            done?.Invoke(count);
        }

        return configured;
    }

    public static ICaseGrain GetCase(this IGrainFactory grains, string caseId) => grains.Get<ICaseGrain>(caseId);

    private static T Get<T>(this IGrainFactory grains, string key)
        where T : IGrainWithStringKey
    {
        var (grainType, interfaceType) = TypeOf<T>.In(grains);
        return (T)grains.GetGrain(GrainId.Create(grainType, key), interfaceType);
    }

    private static class TypeOf<T>
        where T : IGrainWithStringKey
    {
        private static readonly ConditionalWeakTable<IGrainFactory, StrongBox<(GrainType, GrainInterfaceType)>> s_resolved = new();

        public static (GrainType, GrainInterfaceType) In(IGrainFactory grains) =>
            s_resolved.GetValue(grains, static factory =>
            {
                var sample = (GrainReference)(object)factory.GetGrain<T>("type-of");
                return new StrongBox<(GrainType, GrainInterfaceType)>((sample.GrainId.Type, sample.InterfaceType));
            }).Value;
    }
}
