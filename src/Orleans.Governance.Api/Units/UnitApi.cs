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

/// <summary>Units: where they sit, their worklists and their figures; a person's own tasks.</summary>
public static class UnitApi
{
    public static RouteGroupBuilder MapUnitApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", GetMe).WithName("GetMe").WithSummary("Who the caller is, as the verified token says, and the unit they belong to.")
            .WithTags("Units").RequirePermission(Permission.ReadOwnProfile).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/me/tasks", GetMyTasks).WithName("GetMyTasks").WithSummary("The caller's own tasks as a mediator or grid worker.")
            .WithTags("Worklists").RequirePermission(Permission.ReadOwnTasks);

        var units = api.MapGroup("/units/{unitId}").ProducesProblem(StatusCodes.Status404NotFound);
        units.MapGet("", GetUnit).WithName("GetUnit").WithSummary("A unit, its parent and children.").WithTags("Units")
            .RequirePermission(Permission.ReadCase);
        units.MapGet("/worklists/{list}", GetWorklist).WithName("GetWorklist")
            .WithSummary("A unit's queue, assigned tasks, overdue or warned cases (list: queue, assigned, overdue, warned).").WithTags("Worklists")
            .RequirePermission(Permission.ReadWorklist).ProducesProblem(StatusCodes.Status400BadRequest);
        units.MapGet("/figures", GetFigures).WithName("GetUnitFigures").WithSummary("The unit's own live figures.").WithTags("Figures")
            .RequirePermission(Permission.ReadFigures);
        units.MapGet("/figures/subtree", GetSubtreeFigures).WithName("GetSubtreeFigures").WithSummary("The unit's figures plus its whole subtree's.")
            .WithTags("Figures").RequirePermission(Permission.ReadFigures);
        units.MapGet("/figures/levels", GetLevelFigures).WithName("GetLevelFigures")
            .WithSummary("The subtree's figures summed level by level (for the city unit: the city's per-level figures).").WithTags("Figures")
            .RequirePermission(Permission.ReadFigures);
        return api;
    }

    public static Results<Ok<MeView>, ProblemHttpResult> GetMe(GovernanceUser user, CityDirectory directory) =>
        directory.Find(user.UnitId) is { } unit
            ? TypedResults.Ok(new MeView(user.Actor, user.Role, unit.Id, unit.Name, unit.Level))
            : Problems.Forbidden($"The token's unit '{user.UnitId}' is not a unit of this city.");

    public static async Task<Ok<IReadOnlyList<WorkItemView>>> GetMyTasks(GovernanceUser user, CityDirectory directory, IGrainFactory grains)
    {
        if (directory.Find(user.UnitId) is not { } unit)
        {
            return TypedResults.Ok<IReadOnlyList<WorkItemView>>([]);
        }

        var items = await grains.GetUnit(unit.Ref).GetWorklistAsync(Worklist.MediatorTasks, user.Actor);
        return TypedResults.Ok<IReadOnlyList<WorkItemView>>([.. items.Select(WorkItemView.Of)]);
    }

    public static Results<Ok<UnitView>, ProblemHttpResult> GetUnit(string unitId, GovernanceUser user, CityDirectory directory) =>
        Visible(unitId, user, directory) is { } unit ? TypedResults.Ok(UnitView.Of(unit)) : Problems.NotFound($"Unit {unitId}");

    public static async Task<Results<Ok<IReadOnlyList<WorkItemView>>, ProblemHttpResult>> GetWorklist(
        string unitId, string list, GovernanceUser user, CityDirectory directory, IGrainFactory grains)
    {
        if (Visible(unitId, user, directory) is not { } unit)
        {
            return Problems.NotFound($"Unit {unitId}");
        }

        Worklist? worklist = list switch
        {
            "queue" => Worklist.Queue,
            "assigned" => Worklist.Assigned,
            "overdue" => Worklist.Overdue,
            "warned" => Worklist.Warned,
            _ => null,
        };
        if (worklist is null)
        {
            return Problems.Field(StatusCodes.Status400BadRequest, "Unknown worklist", "list", $"Unknown worklist '{list}': expected queue, assigned, overdue or warned.");
        }

        var items = await grains.GetUnit(unit.Ref).GetWorklistAsync(worklist.Value);
        return TypedResults.Ok<IReadOnlyList<WorkItemView>>([.. items.Select(WorkItemView.Of)]);
    }

    public static async Task<Results<Ok<FiguresView>, ProblemHttpResult>> GetFigures(string unitId, GovernanceUser user, CityDirectory directory, IGrainFactory grains) =>
        Visible(unitId, user, directory) is { } unit
            ? TypedResults.Ok(FiguresView.Of(await grains.GetUnit(unit.Ref).GetFiguresAsync()))
            : Problems.NotFound($"Unit {unitId}");

    public static async Task<Results<Ok<FiguresView>, ProblemHttpResult>> GetSubtreeFigures(string unitId, GovernanceUser user, CityDirectory directory, IGrainFactory grains)
    {
        if (Visible(unitId, user, directory) is not { } unit)
        {
            return Problems.NotFound($"Unit {unitId}");
        }

        var figures = unit.Level == Level.Grid
            ? await grains.GetUnit(unit.Ref).GetFiguresAsync()
            : await grains.GetGrain<ICentreGrain>(unit.Id).GetRollupAsync();
        return TypedResults.Ok(FiguresView.Of(figures));
    }

    public static async Task<Results<Ok<IReadOnlyList<FiguresView>>, ProblemHttpResult>> GetLevelFigures(string unitId, GovernanceUser user, CityDirectory directory, IGrainFactory grains)
    {
        if (Visible(unitId, user, directory) is not { } unit)
        {
            return Problems.NotFound($"Unit {unitId}");
        }

        var levels = await grains.GetUnit(unit.Ref).GetLevelRollupAsync();
        return TypedResults.Ok<IReadOnlyList<FiguresView>>([.. levels.Select(FiguresView.Of)]);
    }

    /// <summary>The unit when it is in the user's jurisdiction; a unit outside it does not exist for them.</summary>
    internal static UnitProfile? Visible(string unitId, GovernanceUser user, CityDirectory directory) =>
        directory.Covers(user, unitId) ? directory.Find(unitId) : null;
}
