using Orleans.Governance.Domain.Figures;
using Orleans.Governance.Simulation.Detection;
using Orleans.Governance.Simulation.Intake;
using Orleans.Governance.Simulation.Model;

namespace Orleans.Governance.Simulation.Statistics;

/// <summary>One replication's figures, its daily series and its times to close.</summary>
public sealed record RunResult(Figures<double> Figures, TimeSeries Series, IReadOnlyList<double> TimeToCloseDays, long Events)
{
    /// <summary>Every figure over the replications: each leaf the estimate from that figure of every run.</summary>
    public static Figures<Estimate> Summarise(IReadOnlyList<RunResult> runs) =>
        Figures<Estimate>.Of(runs[0].Figures, read => Estimate.Of(runs.Select(run => read(run.Figures))));

    /// <summary>Wall time from the first simulated event to the last (silo start and city load excluded).</summary>
    public double EventLoopSeconds { get; init; }

    /// <summary>Every case the replication registered, in order, as the engine last saw it, when the run kept them (<see cref="ReplicationRun.KeepsCaseTracks"/>, for the whole-run checks).</summary>
    public IReadOnlyList<CaseTrack> Cases { get; init; } = [];

    /// <summary>Per level (indexed by <see cref="Domain.Jurisdiction.Level"/>): days the cases spent there queued or with a mediator, within the observed window.</summary>
    public IReadOnlyList<double> SojournDays { get; init; } = [];

    /// <summary>The early-warning detector over the replication: its episodes, each surge found or missed, the false warnings.</summary>
    public RunDetection Detection { get; init; } = RunDetection.None;

    /// <summary>Every case the replication registered, in order, as an intake log, when the run recorded it (<see cref="ReplicationRun.RecordsIntake"/>, for <c>run --export-intake</c>).</summary>
    public IReadOnlyList<LoggedIntake> Intake { get; init; } = [];

    /// <summary>Each unit's own figures at the run's end, under the city file's ids, when the run kept them (<see cref="ReplicationRun.KeepsUnitFigures"/>, for <c>optimise --per centre</c>).</summary>
    public IReadOnlyList<UnitFigures> Units { get; init; } = [];
}
