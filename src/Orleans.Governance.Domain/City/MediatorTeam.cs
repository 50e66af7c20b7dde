namespace Orleans.Governance.Domain.City;

/// <summary><see cref="Count"/> mediators with the same case types; no skills listed means every type.</summary>
[GenerateSerializer, Immutable, Alias("gov.mediator-team")]
public sealed record MediatorTeam
{
    [Id(0)] public string? Name { get; init; }

    [Id(1)] public int Count { get; init; } = 1;

    [Id(2)] public IReadOnlyList<string>? Skills { get; init; }

    /// <summary>Cases one mediator handles at once.</summary>
    [Id(3)] public int ConcurrentCases { get; init; } = 1;
}
