using Orleans.Governance.Domain.Cases;

namespace Orleans.Governance.Api.Public;

/// <summary>How a case's status reads to the public, in Simplified Chinese and English.</summary>
public static class StatusTexts
{
    public static string Chinese(CaseStatus status) => status switch
    {
        CaseStatus.Registered => "已登记，等待分流",
        CaseStatus.Triaged => "已分流，等待分派调解员",
        CaseStatus.Assigned => "已分派，等待签收",
        CaseStatus.Accepted => "已签收，正在办理",
        CaseStatus.InMediation => "调解中",
        CaseStatus.Resolved => "调解成功",
        CaseStatus.Failed => "调解未成功，正在转办",
        CaseStatus.Referred => "已转入仲裁或诉讼",
        CaseStatus.Closed => "已办结",
        CaseStatus.FollowedUp => "已办结并回访",
        _ => "未登记",
    };

    public static string English(CaseStatus status) => status switch
    {
        CaseStatus.Registered => "Registered, awaiting triage",
        CaseStatus.Triaged => "Triaged, awaiting a mediator",
        CaseStatus.Assigned => "Assigned, awaiting sign-off",
        CaseStatus.Accepted => "Signed for, in hand",
        CaseStatus.InMediation => "In mediation",
        CaseStatus.Resolved => "Resolved by mediation",
        CaseStatus.Failed => "Mediation failed, being passed on",
        CaseStatus.Referred => "Referred to arbitration or litigation",
        CaseStatus.Closed => "Closed",
        CaseStatus.FollowedUp => "Closed and followed up",
        _ => "Not registered",
    };
}
