using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Api.Tests.Support;

/// <summary>
/// The sample city's grids as the tests share them. A grid has one grid worker (w1) who holds one
/// case at a time, so a test that needs a case assigned at once takes a grid of its own from
/// <see cref="TakeFreshGrid"/>. The property test keeps to the grids of the villages 003 of the
/// townships 01, whose villages nobody else escalates to.
/// </summary>
public static class SampleUnits
{
    /// <summary>The village the full walk escalates to; no other test sends a case there.</summary>
    public const string WalkGrid = "sample-01-02-002-1";

    /// <summary>Where tests register cases that need not be assigned at once (a grid of the property test's villages).</summary>
    public const string ScratchGrid = "sample-02-01-003-3";

    /// <summary>The grids of the access matrix's two cases, one per county.</summary>
    public const string MatrixGridA = "sample-01-02-003-1";

    /// <inheritdoc cref="MatrixGridA"/>
    public const string MatrixGridB = "sample-02-02-003-1";

    public const string CountyA = "sample-01";
    public const string CountyB = "sample-02";

    private static readonly object s_gate = new();
    private static readonly Queue<string> s_fresh = new(
        from c in new[] { "01", "02" }
        from t in new[] { "01", "02" }
        from v in new[] { "001", "002", "003" }
        from g in new[] { "1", "2", "3" }
        let id = $"sample-{c}-{t}-{v}-{g}"
        where !id.StartsWith("sample-01-02-002", StringComparison.Ordinal) && !(t == "01" && v == "003") && id != MatrixGridA && id != MatrixGridB
        select id);

    /// <summary>A grid nobody has registered a case at yet (its grid worker w1 is free).</summary>
    public static string TakeFreshGrid(string? inCounty = null)
    {
        lock (s_gate)
        {
            for (var i = 0; i < s_fresh.Count; i++)
            {
                var grid = s_fresh.Dequeue();
                if (inCounty is null || grid.StartsWith(inCounty + "-", StringComparison.Ordinal))
                {
                    return grid;
                }

                s_fresh.Enqueue(grid);
            }
        }

        throw new InvalidOperationException($"No fresh grid left{(inCounty is null ? "" : " in " + inCounty)}: give the new test a grid of its own.");
    }

    /// <summary>The grids of the property test (the villages 003 of the townships 01).</summary>
    public static IReadOnlyList<string> PropertyGrids { get; } =
        [.. from c in new[] { "01", "02" } from g in new[] { "1", "2", "3" } select $"sample-{c}-01-003-{g}"];

    /// <summary>The unit and its ancestors up to the city, from the city file's parent links.</summary>
    public static IReadOnlyList<string> SelfAndAncestors(this ApiHost host, string unitId)
    {
        var chain = new List<string>();
        for (var unit = host.City.Units.Single(u => u.Id == unitId); ; unit = host.City.Units.Single(u => u.Id == unit.Parent!.Id))
        {
            chain.Add(unit.Id);
            if (unit.Parent is null)
            {
                return chain;
            }
        }
    }

    public static Level LevelOf(this ApiHost host, string unitId) => host.City.Units.Single(u => u.Id == unitId).Level;
}
