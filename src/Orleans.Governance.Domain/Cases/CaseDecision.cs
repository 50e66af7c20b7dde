namespace Orleans.Governance.Domain.Cases;

/// <summary>The lifecycle's answer to a command: the entry to append, or a refusal.</summary>
public readonly record struct CaseDecision(AuditEntry? Entry, CaseRefusal? Refusal)
{
    public bool IsAccepted => Entry is not null;

    public static CaseDecision Accept(AuditEntry entry) => new(entry, null);

    public static CaseDecision Refuse(CaseRefusal refusal) => new(null, refusal);
}
