using Orleans.Governance.Domain.Access;

namespace Orleans.Governance.Abstractions;

/// <summary>Who read a case's parties unmasked, in order (PIPL). Key: the case number.</summary>
[Alias("gov.access-log")]
public interface ICaseAccessLogGrain : IGrainWithStringKey
{
    /// <summary>Records one unmasked read; stored before it returns, so no read goes unrecorded.</summary>
    [Alias("record")]
    Task RecordAsync(AccessRecord record);

    /// <summary>Every unmasked read of the case, oldest first.</summary>
    [Alias("get")]
    Task<IReadOnlyList<AccessRecord>> GetAsync();
}
