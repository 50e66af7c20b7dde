using Orleans.Governance.Domain.Access;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Figures;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Api.Units;

/// <summary>A unit of the hierarchy with its place in it.</summary>
public sealed record UnitView(string UnitId, string Name, Level Level, string? ParentId, IReadOnlyList<UnitRefView> Children, int Mediators)
{
    public static UnitView Of(UnitProfile unit) =>
        new(unit.Id, unit.Name, unit.Level, unit.Parent?.Id, [.. unit.Children.Select(c => new UnitRefView(c.Id, c.Level))], unit.Mediators.Count);
}

/// <summary>The caller: the actor their commands are recorded as, their role and their unit.</summary>
public sealed record MeView(string Actor, Role Role, string UnitId, string UnitName, Level Level);

/// <summary>A unit named by id and level.</summary>
public sealed record UnitRefView(string UnitId, Level Level);

/// <summary>A case on a worklist; no personal data.</summary>
public sealed record WorkItemView(
    string CaseNumber, CaseType Type, Grade Grade, CaseStatus Status, string? MediatorId,
    DateTimeOffset AdmittedAt, DateTimeOffset? SignBy, DateTimeOffset CloseBy, bool Warned, bool Overdue)
{
    public static WorkItemView Of(WorkItem item) =>
        new(item.CaseId, item.Type, item.Grade, item.Status, item.MediatorId, item.AdmittedAt, item.SignBy, item.CloseBy, item.Warned, item.Overdue);
}

/// <summary>A unit's figures, or a subtree's (<see cref="Units"/> units summed).</summary>
public sealed record FiguresView(
    string UnitId, Level Level, int Units, long Open, IReadOnlyDictionary<CaseStatus, long> OpenByStatus, long Admitted,
    long ResolvedHere, long EscalatedOut, long ReferredOut, long ClosedHere, long UnsignedWarnings, long Overdue,
    double? MeanSatisfaction, double MeanDaysToClose, double P95DaysToClose)
{
    public static FiguresView Of(UnitFigures f) =>
        new(f.UnitId, f.Level, f.Units, f.Open, f.OpenByStatus, f.Admitted, f.ResolvedHere, f.EscalatedOut, f.ReferredOut, f.ClosedHere,
            f.UnsignedWarnings, f.Overdue, f.MeanSatisfaction, f.MeanDaysToClose, f.P95DaysToClose);
}
