using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Simulation.Output;

/// <summary>The words of the HTML report, Simplified Chinese by default; the early-warning section's in <see cref="Warnings"/>.</summary>
public sealed record ReportLabels(
    string Lang,
    string Title,
    string Summary,
    string Figure,
    string Value,
    string Day,
    string QueueTitle,
    string QueueAxis,
    string ResolutionTitle,
    string ShareAxis,
    string TimeToCloseTitle,
    string DaysAxis,
    string CasesAxis,
    string UtilisationTitle,
    string OverdueTitle,
    string OverdueAxis,
    string Replications,
    string Horizon,
    Func<Level, string> LevelName,
    IReadOnlyDictionary<string, string> Totals,
    WarningLabels Warnings)
{
    public static readonly ReportLabels Chinese = new(
        "zh-CN", "矛盾纠纷化解仿真报告", "关键指标", "指标", "数值", "天",
        "各层级排队案件数", "排队案件数", "各层级化解占比", "占比", "办结用时分布", "天", "案件数",
        "各层级调解员利用率", "各层级超期案件（累计）", "超期案件数", "重复次数", "仿真天数",
        LevelNames.Chinese,
        new Dictionary<string, string>
        {
            ["casesCreated"] = "受理案件", ["casesResolved"] = "调解成功", ["casesReferred"] = "移送仲裁/诉讼", ["casesClosed"] = "办结",
            ["casesOpen"] = "期末未办结", ["escalations"] = "逐级上交次数", ["overdue"] = "超期督办", ["closedWithinDeadlineShare"] = "按时办结率",
            ["timeToCloseDays.mean"] = "平均办结用时（天）", ["timeToCloseDays.p95"] = "95% 办结用时（天）", ["satisfactionMean"] = "回访满意度（1–5）",
        },
        WarningLabels.Chinese);

    public static readonly ReportLabels English = new(
        "en", "Dispute resolution simulation report", "Key figures", "Figure", "Value", "day",
        "Queue length by level", "cases queued", "Share of resolutions by level", "share", "Time to close", "days", "cases",
        "Mediator utilisation by level", "Overdue cases by level (cumulative)", "overdue cases", "replications", "days simulated",
        LevelNames.English,
        new Dictionary<string, string>
        {
            ["casesCreated"] = "cases created", ["casesResolved"] = "resolved", ["casesReferred"] = "referred", ["casesClosed"] = "closed",
            ["casesOpen"] = "open at the horizon", ["escalations"] = "escalations", ["overdue"] = "overdue (supervised)", ["closedWithinDeadlineShare"] = "closed within deadline",
            ["timeToCloseDays.mean"] = "time to close, mean (days)", ["timeToCloseDays.p95"] = "time to close, p95 (days)", ["satisfactionMean"] = "satisfaction (1–5)",
        },
        WarningLabels.English);
}
