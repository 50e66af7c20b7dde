namespace Orleans.Governance.Simulation.Load;

/// <summary>Receives the drive's progress: the phase, how far it is and the calls made so far.</summary>
public interface ILoadProgress
{
    void Report(string phase, long done, long total, long calls);
}
