using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Figures;

namespace Orleans.Governance.Abstractions;

/// <summary>A city: loads its definition into the units, idempotently. Key: the city id.</summary>
[Alias("gov.city")]
public interface ICityGrain : IGrainWithStringKey
{
    /// <summary>Validates the definition and configures every unit; units whose profile is unchanged are left alone.</summary>
    /// <remarks>A city of 17,000 units on PostgreSQL takes longer than the default 30 s response timeout.</remarks>
    [Alias("load"), ResponseTimeout("00:10:00")]
    Task<CityLoadReport> LoadAsync(CityDefinition definition);

    /// <summary>The whole city's figures (the city centre's roll-up).</summary>
    [Alias("figures")]
    Task<UnitFigures> GetFiguresAsync();
}
