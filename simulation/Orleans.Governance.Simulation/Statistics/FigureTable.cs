using System.Linq.Expressions;
using System.Text.Json;
using Orleans.Governance.Domain.Jurisdiction;
using LevelEstimates = Orleans.Governance.Simulation.Statistics.LevelFigures<Orleans.Governance.Simulation.Statistics.Estimate>;
using RunEstimates = Orleans.Governance.Simulation.Statistics.Figures<Orleans.Governance.Simulation.Statistics.Estimate>;
using TotalEstimates = Orleans.Governance.Simulation.Statistics.TotalFigures<Orleans.Governance.Simulation.Statistics.Estimate>;
using WarningEstimates = Orleans.Governance.Simulation.Statistics.EarlyWarningFigures<Orleans.Governance.Simulation.Statistics.Estimate>;

namespace Orleans.Governance.Simulation.Statistics;

/// <summary>
/// Every figure of the run JSON, in its order, with its format and labels: the one place that
/// turns a figure's name (<c>--objective</c>, the keys of <c>compare --json</c> and
/// <c>figures.csv</c>) into its property and back. Keys are the properties' names in camelCase,
/// as System.Text.Json writes them (<see cref="JsonName"/>), so a figure is named once, by its
/// property in <see cref="Figures{T}"/>.
/// </summary>
public static class FigureTable
{
    private static readonly string s_totals = JsonName(nameof(RunEstimates.Totals));
    private static readonly string s_levels = JsonName(nameof(RunEstimates.Levels));
    private static readonly string s_earlyWarning = JsonName(nameof(RunEstimates.EarlyWarning));

    public static IReadOnlyList<FigureDescriptor<TotalEstimates>> Totals { get; } =
    [
        Define<TotalEstimates>(t => t.CasesCreated, "N0", "受理案件", "cases created"),
        Define<TotalEstimates>(t => t.CasesResolved, "N0", "调解成功", "resolved"),
        Define<TotalEstimates>(t => t.CasesReferred, "N0", "移送仲裁/诉讼", "referred"),
        Define<TotalEstimates>(t => t.CasesClosed, "N0", "办结", "closed"),
        Define<TotalEstimates>(t => t.CasesOpen, "N0", "期末未办结", "open at the horizon"),
        Define<TotalEstimates>(t => t.Escalations, "N0", "逐级上交次数", "escalations"),
        Define<TotalEstimates>(t => t.Overdue, "N0", "超期督办", "overdue (supervised)"),
        Define<TotalEstimates>(t => t.UnsignedWarnings, "N0", "签收时限预警", "signature deadline warnings"),
        Define<TotalEstimates>(t => t.ClosedWithinDeadlineShare, "P1", "按时办结率", "closed within deadline"),
        Define<TotalEstimates>(t => t.SatisfactionMean, "N2", "回访满意度（1–5）", "satisfaction (1–5)"),
        Define<TotalEstimates>(t => t.TimeToCloseDays.Mean, "N2", "平均办结用时（天）", "time to close, mean (days)"),
        Define<TotalEstimates>(t => t.TimeToCloseDays.P50, "N2", "办结用时中位数（天）", "time to close, median (days)"),
        Define<TotalEstimates>(t => t.TimeToCloseDays.P95, "N2", "95% 办结用时（天）", "time to close, p95 (days)"),
        Define<TotalEstimates>(t => t.RefusedCommands, "N0", "被拒绝的命令", "commands refused"),
    ];

    /// <summary>The figures of one level; <see cref="AtLevel(Level, FigureDescriptor{LevelEstimates})"/> reads one at a given level.</summary>
    public static IReadOnlyList<FigureDescriptor<LevelEstimates>> Levels { get; } =
    [
        Define<LevelEstimates>(l => l.Units, "N0", "单位数", "units"),
        Define<LevelEstimates>(l => l.Mediators, "N0", "调解员", "mediators"),
        Define<LevelEstimates>(l => l.Admitted, "N0", "受理", "admitted"),
        Define<LevelEstimates>(l => l.ArrivalRatePerDay, "N2", "日均受理", "admitted per day"),
        Define<LevelEstimates>(l => l.Resolved, "N0", "调解成功", "resolved"),
        Define<LevelEstimates>(l => l.ResolvedShare, "P1", "化解占比", "share of resolutions"),
        Define<LevelEstimates>(l => l.Referred, "N0", "移送仲裁/诉讼", "referred"),
        Define<LevelEstimates>(l => l.EscalatedOut, "N0", "上交", "escalated out"),
        Define<LevelEstimates>(l => l.Overdue, "N0", "超期", "overdue"),
        Define<LevelEstimates>(l => l.ProbabilityOfWaiting, "P1", "需等待的比例", "P(wait)"),
        Define<LevelEstimates>(l => l.WaitBeforeAcceptanceDays.Mean, "N3", "签收前等待，平均（天）", "wait before acceptance, mean (d)"),
        Define<LevelEstimates>(l => l.WaitBeforeAcceptanceDays.P50, "N3", "签收前等待，中位数（天）", "wait before acceptance, median (d)"),
        Define<LevelEstimates>(l => l.WaitBeforeAcceptanceDays.P95, "N3", "签收前等待，95%（天）", "wait before acceptance, p95 (d)"),
        Define<LevelEstimates>(l => l.ServiceDays.Mean, "N2", "调解用时，平均（天）", "mediation, mean (d)"),
        Define<LevelEstimates>(l => l.TimeToCloseDays.Mean, "N2", "办结用时，平均（天）", "time to close, mean (d)"),
        Define<LevelEstimates>(l => l.TimeToCloseDays.P50, "N2", "办结用时，中位数（天）", "time to close, median (d)"),
        Define<LevelEstimates>(l => l.TimeToCloseDays.P95, "N2", "办结用时，95%（天）", "time to close, p95 (d)"),
        Define<LevelEstimates>(l => l.Utilisation, "P1", "调解员利用率", "utilisation"),
        Define<LevelEstimates>(l => l.MeanQueueLength, "N2", "平均排队案件数", "mean queue length"),
        Define<LevelEstimates>(l => l.MeanBusyMediators, "N2", "平均在办调解员", "mean busy mediators"),
    ];

    public static IReadOnlyList<FigureDescriptor<WarningEstimates>> EarlyWarning { get; } =
    [
        Define<WarningEstimates>(w => w.TestedDays, "N0", "有基线的评估天数", "days tested with a baseline"),
        Define<WarningEstimates>(w => w.Episodes, "N1", "预警次数", "warning episodes"),
        Define<WarningEstimates>(w => w.FalseWarnings, "N1", "误报次数", "false warnings"),
        Define<WarningEstimates>(w => w.FalseWarningsPerCountyPer90Days, "N2", "误报（每县每 90 天）", "false warnings per county per 90 days"),
    ];

    /// <summary>Every figure of a run of a city with <paramref name="levels"/>, keys in full (<c>levels.city.utilisation</c>), in the order of the JSON.</summary>
    public static IEnumerable<FigureDescriptor<RunEstimates>> All(IEnumerable<Level> levels) =>
    [
        .. Totals.Select(InTotals),
        .. levels.Order().SelectMany(level => Levels.Select(figure => AtLevel(level, figure))),
        .. EarlyWarning.Select(figure => figure.Within(s_earlyWarning, (RunEstimates f) => f.EarlyWarning)),
    ];

    /// <summary>The figure whose full key is <paramref name="key"/> (<c>totals.closedWithinDeadlineShare</c>), at any level; null when there is none.</summary>
    public static FigureDescriptor<RunEstimates>? Find(string key) => All(LevelNames.All).FirstOrDefault(figure => figure.Key == key);

    /// <summary>The total that <paramref name="figure"/> reads, e.g. <c>t =&gt; t.ClosedWithinDeadlineShare</c>.</summary>
    public static FigureDescriptor<RunEstimates> Total(Expression<Func<TotalEstimates, Estimate>> figure) => InTotals(Find(Totals, figure));

    /// <summary>The figure of <paramref name="level"/> that <paramref name="figure"/> reads, e.g. <c>l =&gt; l.Utilisation</c>.</summary>
    public static FigureDescriptor<RunEstimates> AtLevel(Level level, Expression<Func<LevelEstimates, Estimate>> figure) => AtLevel(level, OfLevel(figure));

    /// <summary>A figure of <see cref="Levels"/> read at <paramref name="level"/>: <c>levels.&lt;level&gt;.&lt;figure&gt;</c>.</summary>
    public static FigureDescriptor<RunEstimates> AtLevel(Level level, FigureDescriptor<LevelEstimates> figure) =>
        figure.Within($"{s_levels}.{LevelNames.Key(level)}", (RunEstimates f) => f.Levels[level]);

    /// <summary>The figure of a level that <paramref name="figure"/> reads, to be read from a level's figures.</summary>
    public static FigureDescriptor<LevelEstimates> OfLevel(Expression<Func<LevelEstimates, Estimate>> figure) => Find(Levels, figure);

    /// <summary>The early-warning figure that <paramref name="figure"/> reads, e.g. <c>w =&gt; w.Episodes</c>.</summary>
    public static FigureDescriptor<WarningEstimates> OfEarlyWarning(Expression<Func<WarningEstimates, Estimate>> figure) => Find(EarlyWarning, figure);

    /// <summary>A property's name as the JSON writes it.</summary>
    public static string JsonName(string property) => JsonNamingPolicy.CamelCase.ConvertName(property);

    private static FigureDescriptor<RunEstimates> InTotals(FigureDescriptor<TotalEstimates> figure) => figure.Within(s_totals, (RunEstimates f) => f.Totals);

    private static FigureDescriptor<TScope> Find<TScope>(IEnumerable<FigureDescriptor<TScope>> figures, LambdaExpression figure) => figures.Single(d => d.Key == KeyOf(figure));

    private static FigureDescriptor<TScope> Define<TScope>(Expression<Func<TScope, Estimate>> read, string format, string chinese, string english) =>
        new(KeyOf(read), format, new FigureLabel(chinese, english), read.Compile());

    /// <summary>The JSON path of the properties <paramref name="read"/> goes through: <c>t =&gt; t.TimeToCloseDays.Mean</c> is <c>timeToCloseDays.mean</c>.</summary>
    private static string KeyOf(LambdaExpression read)
    {
        var names = new List<string>();
        for (var at = read.Body; at is MemberExpression member; at = member.Expression)
        {
            names.Insert(0, JsonName(member.Member.Name));
        }

        return string.Join('.', names);
    }
}
