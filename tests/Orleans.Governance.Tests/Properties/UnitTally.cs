namespace Orleans.Governance.Tests.Properties;

/// <summary>What the model expects one unit's own figures to say.</summary>
public readonly record struct UnitTally(
    long Admitted,
    long EscalatedOut,
    long Resolved,
    long Referred,
    long Closed,
    long Warnings,
    long Overdue,
    long Satisfactions,
    long Open)
{
    public override string ToString() =>
        $"adm {Admitted} up {EscalatedOut} res {Resolved} ref {Referred} clo {Closed} warn {Warnings} due {Overdue} sat {Satisfactions} open {Open}";
}
