namespace Orleans.Governance.Grains;

/// <summary>An intake request grain's stored state. Stored contract: never rename, never renumber.</summary>
[GenerateSerializer, Alias("gov.intake-request-state")]
public sealed class IntakeRequestState
{
    /// <summary>The content of the first request under this key.</summary>
    [Id(0)] public string? Fingerprint { get; set; }

    /// <summary>The case number issued for it, stored before the case is registered.</summary>
    [Id(1)] public string? CaseNumber { get; set; }
}
