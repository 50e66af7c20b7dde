namespace Orleans.Governance.Simulation.Planning;

/// <summary>What <c>optimise --per</c> staffs on its own: each level (every centre of it alike), or each centre.</summary>
public enum RosterScope
{
    Level,
    Centre,
}
