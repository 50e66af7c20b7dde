namespace Orleans.Governance.Domain.Access;

/// <summary>What the front door lets a role do; <see cref="RoleTable"/> says who may.</summary>
public enum Permission
{
    /// <summary>登记: register a case at a unit of the user's jurisdiction.</summary>
    RegisterCase,

    /// <summary>Read a case of the jurisdiction and its trail (personal data masked unless <see cref="HandlePersonalData"/> applies).</summary>
    ReadCase,

    /// <summary>A person's actions on a case: sign, session, resolve, fail, escalate, refer, close, follow up.</summary>
    ActOnCase,

    /// <summary>A unit's worklists: its queue, assigned tasks, overdue and warned cases.</summary>
    ReadWorklist,

    /// <summary>The user's own tasks as a mediator or grid worker.</summary>
    ReadOwnTasks,

    /// <summary>Figures of a unit, its subtree and the levels of the city.</summary>
    ReadFigures,

    /// <summary>See the parties unmasked, while the case is at the user's own unit.</summary>
    HandlePersonalData,

    /// <summary>Read the log of unmasked reads (PIPL).</summary>
    ReadAccessLog,

    /// <summary>File a request through the Open311 façade.</summary>
    SubmitOpen311,

    /// <summary>Who the caller is and at which unit: signing in to the leaders' page.</summary>
    ReadOwnProfile,
}
