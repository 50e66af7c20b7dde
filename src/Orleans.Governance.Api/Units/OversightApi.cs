using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Api.Errors;
using Orleans.Governance.Api.Identity;
using Orleans.Governance.Api.Jurisdiction;
using Orleans.Governance.Domain.Access;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Api.Units;

/// <summary>What the leaders of a centre watch over their subtree: its units' figures, its trend, its overdue cases and its early warnings.</summary>
public static class OversightApi
{
    /// <summary>Eight weeks: the resolution shares' trend on the leaders' page.</summary>
    public const int TrendDays = 56;

    public const int MaxSupervisionItems = 1000;

    public static RouteGroupBuilder MapOversightApi(this RouteGroupBuilder api)
    {
        var units = api.MapGroup("/units/{unitId}").ProducesProblem(StatusCodes.Status404NotFound);
        units.MapGet("/figures/children", GetChildFigures).WithName("GetChildFigures")
            .WithSummary("Each child unit named, with its subtree's figures (the leaders' drill-down).").WithTags("Figures")
            .RequirePermission(Permission.ReadFigures);
        units.MapGet("/figures/trend", GetTrend).WithName("GetTrend")
            .WithSummary($"The subtree's last {TrendDays} days (China Standard Time): cases registered and agreements reached at each level.")
            .WithTags("Figures").RequirePermission(Permission.ReadFigures);
        units.MapGet("/supervision", GetSupervision).WithName("GetSupervision")
            .WithSummary("The subtree's overdue cases (督办), most overdue first; no personal data.").WithTags("Worklists")
            .RequirePermission(Permission.ReadWorklist).ProducesProblem(StatusCodes.Status400BadRequest);
        units.MapGet("/warnings", GetWarnings).WithName("GetEarlyWarnings")
            .WithSummary("Early warnings (研判预警) raised today by the unit and the units below it: spikes of one case type over the unit's own baseline.")
            .WithTags("Early warning").RequirePermission(Permission.ReadFigures);
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<UnitFiguresView>>, ProblemHttpResult>> GetChildFigures(
        string unitId, GovernanceUser user, CityDirectory directory, IGrainFactory grains)
    {
        if (UnitApi.Visible(unitId, user, directory) is not { } unit)
        {
            return Problems.NotFound($"Unit {unitId}");
        }

        var children = unit.Children.Select(child => directory.Find(child.Id)!).ToList();
        var figures = await Task.WhenAll(children.Select(child => child.Level == Level.Grid
            ? grains.GetUnit(child.Ref).GetFiguresAsync()
            : grains.GetGrain<ICentreGrain>(child.Id).GetRollupAsync()));
        return TypedResults.Ok<IReadOnlyList<UnitFiguresView>>([.. children.Zip(figures, (child, f) => new UnitFiguresView(child.Id, child.Name, child.Level, FiguresView.Of(f)))]);
    }

    public static async Task<Results<Ok<TrendView>, ProblemHttpResult>> GetTrend(
        string unitId, GovernanceUser user, CityDirectory directory, IGrainFactory grains, TimeProvider clock)
    {
        if (UnitApi.Visible(unitId, user, directory) is not { } unit)
        {
            return Problems.NotFound($"Unit {unitId}");
        }

        var today = CentreDays.DateOf(clock.GetUtcNow());
        var rollup = await grains.GetUnit(unit.Ref).GetDailyRollupAsync(today);
        return TypedResults.Ok(new TrendView([.. rollup.Series.Dense(today.AddDays(1 - TrendDays), today).Select(TrendDayView.Of)]));
    }

    public static async Task<Results<Ok<SupervisionView>, ProblemHttpResult>> GetSupervision(
        string unitId, GovernanceUser user, CityDirectory directory, IGrainFactory grains, TimeProvider clock, int? limit = null)
    {
        if (UnitApi.Visible(unitId, user, directory) is not { } unit)
        {
            return Problems.NotFound($"Unit {unitId}");
        }

        if (limit is < 1 or > MaxSupervisionItems)
        {
            return Problems.Field(StatusCodes.Status400BadRequest, "Invalid limit", "limit", $"limit must be between 1 and {MaxSupervisionItems}, got {limit}.");
        }

        var now = clock.GetUtcNow();
        var overdue = await grains.GetUnit(unit.Ref).GetSubtreeWorklistAsync(Worklist.Overdue);
        var items = overdue.OrderBy(i => i.CloseBy).ThenBy(i => i.CaseId, StringComparer.Ordinal).Take(limit ?? 100)
            .Select(item => SupervisedCaseView.Of(item, directory.Find(item.UnitId)!, now));
        return TypedResults.Ok(new SupervisionView(overdue.Count, [.. items]));
    }

    public static async Task<Results<Ok<IReadOnlyList<EarlyWarningView>>, ProblemHttpResult>> GetWarnings(
        string unitId, GovernanceUser user, CityDirectory directory, IGrainFactory grains, TimeProvider clock)
    {
        if (UnitApi.Visible(unitId, user, directory) is not { } unit)
        {
            return Problems.NotFound($"Unit {unitId}");
        }

        var rollup = await grains.GetUnit(unit.Ref).GetDailyRollupAsync(CentreDays.DateOf(clock.GetUtcNow()));
        return TypedResults.Ok<IReadOnlyList<EarlyWarningView>>([.. rollup.Warnings.Select(w => EarlyWarningView.Of(w, directory.Find(w.UnitId)!))]);
    }
}
