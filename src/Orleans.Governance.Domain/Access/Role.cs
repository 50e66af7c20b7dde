namespace Orleans.Governance.Domain.Access;

/// <summary>Who a signed-in user is at their unit; the token's <c>role</c> claim names one.</summary>
public enum Role
{
    /// <summary>网格员: works the cases of their grid.</summary>
    GridWorker,

    /// <summary>调解员: works the tasks assigned to them.</summary>
    Mediator,

    /// <summary>中心工作人员: a centre's window clerk and case officer.</summary>
    CentreStaff,

    /// <summary>中心负责人: watches and steers a centre and everything below it.</summary>
    CentreLeader,

    /// <summary>市级管理员: runs the city's system, sees the whole city.</summary>
    CityAdministrator,

    /// <summary>审计: reads who saw whose personal data.</summary>
    Auditor,

    /// <summary>A third-party system filing on the public's behalf (Open311), by API key.</summary>
    Public,
}
