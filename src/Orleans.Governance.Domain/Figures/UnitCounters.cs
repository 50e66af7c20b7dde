namespace Orleans.Governance.Domain.Figures;

/// <summary>The running counters of one unit, kept where the work happens; its histograms are recorded into in place (<see cref="DurationHistogram.Record"/>).</summary>
[GenerateSerializer, Alias("gov.unit-counters")]
public sealed class UnitCounters
{
    /// <summary>Cases that arrived here (registered here or escalated to here).</summary>
    [Id(0)] public long Admitted { get; set; }

    /// <summary>Agreements reached here.</summary>
    [Id(1)] public long ResolvedHere { get; set; }

    /// <summary>Cases sent up from here, for any reason.</summary>
    [Id(2)] public long EscalatedOut { get; set; }

    [Id(3)] public long ReferredOut { get; set; }

    [Id(4)] public long ClosedHere { get; set; }

    [Id(5)] public long UnsignedWarnings { get; set; }

    /// <summary>Cases that passed their deadline here (督办 entries).</summary>
    [Id(6)] public long Overdue { get; set; }

    [Id(7)] public long SatisfactionSum { get; set; }

    [Id(8)] public long SatisfactionCount { get; set; }

    /// <summary>Registration to closure, for the cases closed here.</summary>
    [Id(9)] public DurationHistogram TimeToClose { get; set; } = DurationHistogram.Empty;

    /// <summary>Arrival here to signature, for the cases signed for here.</summary>
    [Id(10)] public DurationHistogram WaitBeforeAcceptance { get; set; } = DurationHistogram.Empty;
}
