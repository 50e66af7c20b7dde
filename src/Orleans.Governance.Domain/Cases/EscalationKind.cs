namespace Orleans.Governance.Domain.Cases;

/// <summary>Why a case leaves its unit for a higher one.</summary>
public enum EscalationKind
{
    /// <summary>Mediation failed at this level (网格吹哨 and its equivalents higher up).</summary>
    Failure = 0,

    /// <summary>The deadline passed and the policy escalates overdue cases (督办提级).</summary>
    Overdue = 1,

    /// <summary>High-risk triage raises the case to the policy's level, possibly skipping levels (提级会诊).</summary>
    HighRiskRaise = 2,
}
