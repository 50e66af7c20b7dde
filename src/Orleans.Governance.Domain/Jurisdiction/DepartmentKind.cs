namespace Orleans.Governance.Domain.Jurisdiction;

/// <summary>Departments that can be stationed in a centre (部门入驻).</summary>
public enum DepartmentKind
{
    /// <summary>公安.</summary>
    Police,

    /// <summary>法院.</summary>
    Court,

    /// <summary>司法局.</summary>
    JusticeBureau,

    /// <summary>信访.</summary>
    PetitionOffice,

    /// <summary>劳动仲裁.</summary>
    LabourArbitration,

    /// <summary>住建 / 房管.</summary>
    Housing,

    /// <summary>人社.</summary>
    HumanResources,
}
