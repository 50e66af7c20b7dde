using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Statistics;

namespace Orleans.Governance.Simulation.Output;

/// <summary>The words of the HTML report, Simplified Chinese by default; the figures' names are <see cref="FigureTable"/>'s, the early-warning section's in <see cref="Warnings"/>.</summary>
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
    Func<FigureLabel, string> FigureName,
    WarningLabels Warnings)
{
    public static readonly ReportLabels Chinese = new(
        "zh-CN", "矛盾纠纷化解仿真报告", "关键指标", "指标", "数值", "天",
        "各层级排队案件数", "排队案件数", "各层级化解占比", "占比", "办结用时分布", "天", "案件数",
        "各层级调解员利用率", "各层级超期案件（累计）", "超期案件数", "重复次数", "仿真天数",
        LevelNames.Chinese,
        label => label.Chinese,
        WarningLabels.Chinese);

    public static readonly ReportLabels English = new(
        "en", "Dispute resolution simulation report", "Key figures", "Figure", "Value", "day",
        "Queue length by level", "cases queued", "Share of resolutions by level", "share", "Time to close", "days", "cases",
        "Mediator utilisation by level", "Overdue cases by level (cumulative)", "overdue cases", "replications", "days simulated",
        LevelNames.English,
        label => label.English,
        WarningLabels.English);

    /// <summary>Whether these are the Chinese words: the planning reports' sentences pick their language by it.</summary>
    public bool InChinese => Lang == Chinese.Lang;

    /// <summary>The totals the HTML report and the console show, in their order.</summary>
    public static IReadOnlyList<FigureDescriptor<Figures<Estimate>>> KeyTotals { get; } =
    [
        FigureTable.Total(t => t.CasesCreated), FigureTable.Total(t => t.CasesResolved), FigureTable.Total(t => t.CasesReferred), FigureTable.Total(t => t.CasesClosed),
        FigureTable.Total(t => t.CasesOpen), FigureTable.Total(t => t.Escalations), FigureTable.Total(t => t.Overdue), FigureTable.Total(t => t.ClosedWithinDeadlineShare),
        FigureTable.Total(t => t.TimeToCloseDays.Mean), FigureTable.Total(t => t.TimeToCloseDays.P95), FigureTable.Total(t => t.SatisfactionMean),
    ];
}
