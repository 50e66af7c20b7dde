using System.Text.Json;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.City;

/// <summary>A city file gave a unit a level that does not exist; <see cref="CityFile"/> turns it into a problem naming the unit.</summary>
public sealed class UnknownLevelException(string text) : JsonException($"unknown level '{text}' (expected {LevelNames.Listed(LevelNames.All)})");
