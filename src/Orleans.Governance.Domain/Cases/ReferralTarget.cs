namespace Orleans.Governance.Domain.Cases;

/// <summary>Where a failed mediation is referred outside the centres.</summary>
public enum ReferralTarget
{
    /// <summary>劳动 / 商事仲裁.</summary>
    Arbitration = 0,

    /// <summary>诉讼.</summary>
    Litigation = 1,
}
