namespace Orleans.Governance.Simulation.Model;

/// <summary>Receives a replication's progress: virtual day reached, cases so far, events dispatched.</summary>
public interface IProgressSink
{
    void Report(int replication, double day, long cases, long events);
}
