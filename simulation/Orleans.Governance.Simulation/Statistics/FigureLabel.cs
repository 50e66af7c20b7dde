namespace Orleans.Governance.Simulation.Statistics;

/// <summary>How the reports name a figure, in Simplified Chinese and in English.</summary>
public sealed record FigureLabel(string Chinese, string English);
