using System.Text.Json;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Hosts;
using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Output;
using Orleans.Governance.Simulation.Statistics;
using Orleans.Governance.Simulation.Tests.Support;

namespace Orleans.Governance.Simulation.Tests;

/// <summary>The figure table names exactly the figures System.Text.Json writes, in the same order, and reads each from its property.</summary>
public sealed class FigureTableTests
{
    [Fact]
    public void A_figure_named_on_the_command_line_is_found_at_any_level_and_an_unknown_one_is_not()
    {
        var utilisation = FigureTable.Find("levels.township.utilisation");

        Assert.NotNull(utilisation);
        Assert.Equal(FigureTable.AtLevel(Level.Township, l => l.Utilisation).Key, utilisation.Key);
        Assert.Equal("totals.timeToCloseDays.p95", FigureTable.Total(t => t.TimeToCloseDays.P95).Key);
        Assert.Null(FigureTable.Find("totals.nope"));
        Assert.Null(FigureTable.Find("levels.town.utilisation"));
    }

    [Fact]
    public async Task The_table_lists_every_figure_of_the_json_in_its_order_and_reads_the_same_values()
    {
        var scenario = TestScenarios.Parse(TestScenarios.SingleCentre(mediators: 2, arrivalsPerDay: 1.2, meanServiceDays: 1, replications: 2, horizonDays: 30, warmUpDays: 2));
        var result = await Simulator.RunAsync(scenario, HostKind.Kernel);

        var leaves = new List<(string Key, JsonElement Values)>();
        Walk(JsonDocument.Parse(JsonReport.Render(result)).RootElement.GetProperty("figures"), "", leaves);
        var table = FigureTable.All(result.Figures.Levels.Keys).ToList();

        Assert.Equal(leaves.Select(l => l.Key), table.Select(f => f.Key));
        Assert.All(table.Zip(leaves), pair => Assert.Equal(
            pair.Second.Values.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble()),
            pair.First.Read(result.Figures).Values));
    }

    /// <summary>Every leaf (an object with <c>values</c>) below <paramref name="node"/>, by its dotted path.</summary>
    private static void Walk(JsonElement node, string path, List<(string Key, JsonElement Values)> leaves)
    {
        if (node.TryGetProperty("values", out var values))
        {
            leaves.Add((path, values));
            return;
        }

        foreach (var property in node.EnumerateObject())
        {
            Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", leaves);
        }
    }
}
