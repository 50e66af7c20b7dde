namespace Orleans.Governance.Simulation.Load;

/// <summary>Collects call latencies (milliseconds) by kind of call from many concurrent callers.</summary>
public sealed class LatencyRecorder
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<double>> _byKind = new(StringComparer.Ordinal);

    public long Count { get; private set; }

    public void Record(string kind, double milliseconds)
    {
        lock (_gate)
        {
            if (!_byKind.TryGetValue(kind, out var list))
            {
                _byKind[kind] = list = [];
            }

            list.Add(milliseconds);
            Count++;
        }
    }

    /// <summary>Percentiles per kind of call, then over all calls (kind "all").</summary>
    public IReadOnlyList<LatencySummary> Summarise()
    {
        lock (_gate)
        {
            var rows = _byKind.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => LatencySummary.Of(pair.Key, pair.Value)).ToList();
            if (_byKind.Count > 0)
            {
                rows.Add(LatencySummary.Of("all", _byKind.Values.SelectMany(v => v).ToList()));
            }

            return rows;
        }
    }
}
