namespace Orleans.Governance.Domain.Cases;

/// <summary>What an audit entry records; values are stored, so never renumber.</summary>
public enum CaseAction
{
    Register = 0,
    Triage = 1,
    Assign = 2,
    Accept = 3,
    HoldSession = 4,
    Resolve = 5,
    Fail = 6,
    Escalate = 7,
    Refer = 8,
    Close = 9,
    FollowUp = 10,

    /// <summary>The task stayed unsigned too long (未签收预警); no change of status.</summary>
    WarnUnsigned = 11,

    /// <summary>The deadline passed (督办); no change of status.</summary>
    Supervise = 12,
}
