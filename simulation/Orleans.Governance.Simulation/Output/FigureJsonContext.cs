using System.Text.Json.Serialization;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Simulation.Statistics;

namespace Orleans.Governance.Simulation.Output;

/// <summary>
/// The run's figures as System.Text.Json writes them (source-generated): properties in camelCase,
/// as <see cref="FigureTable.JsonName"/> names them, levels by their keys, each estimate by
/// <see cref="EstimateJsonConverter"/>. The writer's options (indentation, escaping) are the report's.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, Converters = [typeof(EstimateJsonConverter), typeof(LevelJsonConverter)])]
[JsonSerializable(typeof(Figures<Estimate>))]
internal sealed partial class FigureJsonContext : JsonSerializerContext;
