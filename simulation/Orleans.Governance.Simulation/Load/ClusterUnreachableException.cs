namespace Orleans.Governance.Simulation.Load;

/// <summary><see cref="LoadClient"/> could not connect within its window, or was refused for good; the message says why (<see cref="ConnectionProblem"/>).</summary>
public sealed class ClusterUnreachableException(string message, Exception innerException) : Exception(message, innerException);
