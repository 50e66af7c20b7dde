using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Simulation.Checks;

namespace Orleans.Governance.Simulation.Tests.Properties;

/// <summary>
/// Bugs planted through the checker's test-only seam (src/ untouched): each distorts what one
/// property is shown the way a broken grain or observer would, and that property must catch it.
/// </summary>
public static class PlantedBugs
{
    /// <summary>A unit forgets to count one of its agreements.</summary>
    public static RunObservation UncountedAgreement(RunObservation o) =>
        o.Own.Values.FirstOrDefault(f => f.ResolvedHere > 0) is { } unit
            ? o with { Own = Replace(o.Own, unit.UnitId, unit with { ResolvedHere = unit.ResolvedHere - 1 }) }
            : o;

    /// <summary>A case grain loses its case: the id the run registered reads as never registered.</summary>
    public static RunObservation DroppedCase(RunObservation o) =>
        o.Cases.Count == 0 ? o : o with { Cases = Replace(o.Cases, o.Cases.Keys.Last(), CaseFile.Empty(o.Cases.Keys.Last())) };

    /// <summary>A case is dropped on transfer but stays on the desk it left: a second unit still holds it.</summary>
    public static RunObservation KeptAfterTransfer(RunObservation o)
    {
        if (o.Cases.Values.FirstOrDefault(f => f.IsActive) is not { } file || o.Own.Values.FirstOrDefault(u => u.UnitId != file.UnitId) is not { } other)
        {
            return o;
        }

        var open = new Dictionary<CaseStatus, long>(other.OpenByStatus);
        open[file.Status] = open.GetValueOrDefault(file.Status) + 1;
        return o with { Own = Replace(o.Own, other.UnitId, other with { OpenByStatus = open }) };
    }

    /// <summary>A centre's roll-up counts one admission twice.</summary>
    public static RunObservation DoubleCountingRollUp(RunObservation o)
    {
        var (id, rollup) = o.Rollups.First();
        return o with { Rollups = Replace(o.Rollups, id, rollup with { Admitted = rollup.Admitted + 1 }) };
    }

    /// <summary>The observer loses a tenth of every stay it measures (a mediator freed too early).</summary>
    public static RunObservation ShortenedStays(RunObservation o) =>
        o with { Run = o.Run with { SojournDays = [.. o.Run.SojournDays.Select(d => d * 0.9)] } };

    /// <summary>A figure from the wall clock slips into the JSON.</summary>
    public static Func<RunObservation, RunObservation> WallClockInJson()
    {
        var runs = 0;
        return o => o with { Json = o.Json.Replace("\"schema\"", $"\"run\": {Interlocked.Increment(ref runs)}, \"schema\"", StringComparison.Ordinal) };
    }

    private static IReadOnlyDictionary<string, T> Replace<T>(IReadOnlyDictionary<string, T> map, string key, T value) =>
        map.ToDictionary(p => p.Key, p => p.Key == key ? value : p.Value, StringComparer.Ordinal);
}
