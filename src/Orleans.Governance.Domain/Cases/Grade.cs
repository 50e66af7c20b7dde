namespace Orleans.Governance.Domain.Cases;

/// <summary>Graded triage (分级诊疗); each grade has its own deadline.</summary>
public enum Grade
{
    /// <summary>普通门诊: same-day mediation.</summary>
    Simple = 0,

    /// <summary>A case that is neither simple nor complex.</summary>
    Normal = 1,

    /// <summary>专科门诊: one file per case, joint handling.</summary>
    Complex = 2,

    /// <summary>特需门诊: raised a level (提级会诊).</summary>
    HighRisk = 3,

    /// <summary>社区门诊: historical case under continued follow-up.</summary>
    LongStanding = 4,
}
