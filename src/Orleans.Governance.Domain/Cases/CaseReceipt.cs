using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.Cases;

/// <summary>The answer to a case command: where the case stands now, and the refusal if it was refused.</summary>
[GenerateSerializer, Immutable, Alias("gov.case-receipt")]
public sealed record CaseReceipt(
    [property: Id(0)] string CaseId,
    [property: Id(1)] CaseStatus Status,
    [property: Id(2)] Level Level,
    [property: Id(3)] string? UnitId,
    [property: Id(4)] string? MediatorId,
    [property: Id(5)] Grade? Grade,
    [property: Id(6)] int TrailLength,
    [property: Id(7)] CaseRefusal? Refusal)
{
    /// <summary>The command named a version of the case other than the current one (<see cref="TrailLength"/>) and was not run.</summary>
    [Id(8)] public bool StaleVersion { get; init; }

    public bool Accepted => Refusal is null && !StaleVersion;

    public static CaseReceipt Of(CaseFile file, CaseRefusal? refusal = null) =>
        new(file.CaseId, file.Status, file.Level, file.UnitId, file.MediatorId, file.Grade, file.Trail.Count, refusal);
}
