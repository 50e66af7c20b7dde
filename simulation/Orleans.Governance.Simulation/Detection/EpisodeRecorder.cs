using Orleans.Governance.Domain.Cases;

namespace Orleans.Governance.Simulation.Detection;

/// <summary>Turns the warnings of each evaluated day, given in day order, into episodes: a unit and type flagged again the next day goes on with its episode.</summary>
public sealed class EpisodeRecorder
{
    private readonly List<WarningEpisode> _episodes = [];
    private Dictionary<(string UnitId, CaseType Type), int> _open = [];
    private int _lastDay = -1;

    public IReadOnlyList<WarningEpisode> Episodes => _episodes;

    public void Record(int day, IEnumerable<(string UnitId, CaseType Type)> flagged)
    {
        if (day <= _lastDay)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, $"Days are recorded in order; day {_lastDay} was recorded already.");
        }

        var open = new Dictionary<(string UnitId, CaseType Type), int>();
        foreach (var key in flagged)
        {
            if (open.ContainsKey(key))
            {
                continue;
            }

            if (day == _lastDay + 1 && _open.TryGetValue(key, out var index))
            {
                _episodes[index] = _episodes[index] with { LastDay = day };
            }
            else
            {
                index = _episodes.Count;
                _episodes.Add(new WarningEpisode(key.UnitId, key.Type, day, day));
            }

            open[key] = index;
        }

        _open = open;
        _lastDay = day;
    }
}
