using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Domain.Warnings;

namespace Orleans.Governance.Api.Units;

/// <summary>A unit named, with its subtree's figures.</summary>
public sealed record UnitFiguresView(string UnitId, string Name, Level Level, FiguresView Figures);

/// <summary>A subtree's days: cases registered, agreements reached at each level.</summary>
public sealed record TrendView(IReadOnlyList<TrendDayView> Days);

/// <summary>One day of a subtree (China Standard Time).</summary>
public sealed record TrendDayView(DateOnly Date, int Arrivals, IReadOnlyDictionary<Level, int> ResolvedByLevel)
{
    public static TrendDayView Of(DayActivity day) =>
        new(day.Day, day.Arrivals.Sum(), Enum.GetValues<Level>().ToDictionary(level => level, day.ResolvedAt));
}

/// <summary>The overdue (督办) cases of a subtree, most overdue first; <see cref="Total"/> counts them all.</summary>
public sealed record SupervisionView(int Total, IReadOnlyList<SupervisedCaseView> Items);

/// <summary>An overdue case: where it is and by how long; no personal data.</summary>
public sealed record SupervisedCaseView(
    string CaseNumber, CaseType Type, Grade Grade, CaseStatus Status, string UnitId, string UnitName, Level Level, DateTimeOffset CloseBy, double DaysOverdue)
{
    public static SupervisedCaseView Of(WorkItem item, UnitProfile unit, DateTimeOffset now) =>
        new(item.CaseId, item.Type, item.Grade, item.Status, unit.Id, unit.Name, unit.Level, item.CloseBy, Math.Round((now - item.CloseBy).TotalDays, 2));
}

/// <summary>An early warning (研判预警) with its unit's name; <see cref="PValue"/> is the chance of as many arrivals had nothing changed.</summary>
public sealed record EarlyWarningView(
    string UnitId, string UnitName, Level Level, CaseType Type, DateOnly WindowFrom, DateOnly WindowTo, int Observed, double Expected, double PValue, DateOnly Since)
{
    public static EarlyWarningView Of(EarlyWarning warning, UnitProfile unit) =>
        new(warning.UnitId, unit.Name, warning.Level, warning.Type, warning.WindowFrom, warning.WindowTo, warning.Observed,
            Math.Round(warning.Expected, 2), warning.PValue, warning.Since);
}
