using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Scenarios;

namespace Orleans.Governance.Simulation.Intake;

/// <summary>
/// Reads an intake log (docs/replay.md) against the scenario it replaces the arrivals of: every
/// bad cell of every row is a problem <c>file:line:column: column: value — expected …</c>, and
/// one problem refuses the whole log, so nothing partial is ever run.
/// </summary>
public sealed class IntakeLogReader
{
    private readonly string _file;
    private readonly HashSet<string> _units;
    private readonly string _cityId;
    private readonly DateTimeOffset _start;
    private readonly TimeSpan _horizon;
    private readonly double _horizonDays;
    private readonly List<string> _problems = [];
    private readonly List<LoggedIntake> _rows = [];
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private (DateTimeOffset At, int Line, string Text)? _previous;

    private IntakeLogReader(string file, Scenario scenario)
    {
        _file = file;
        _units = scenario.City.Units.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        _cityId = scenario.City.Id;
        _start = IntakeLogFormat.Start(scenario.StartDate);
        _horizon = ReplicationRun.Horizon(scenario);
        _horizonDays = scenario.HorizonDays;
    }

    /// <summary>The log's cases in the order received, or <see cref="IntakeLogException"/> listing every problem.</summary>
    public static IReadOnlyList<LoggedIntake> Read(string path, Scenario scenario)
    {
        var reader = new IntakeLogReader(path, scenario);
        using (var text = new StreamReader(path))
        {
            reader.ReadAll(text);
        }

        return reader._problems.Count > 0 ? throw new IntakeLogException(reader._problems) : reader._rows;
    }

    private void ReadAll(TextReader text)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            // A stray quote stays in its field, whose column then refuses it by name.
            BadDataFound = null,
        };
        using var csv = new CsvParser(text, configuration);
        if (!csv.Read() || !ReadHeader(csv.Record!))
        {
            return;
        }

        while (csv.Read())
        {
            var record = csv.Record!;
            // RawRow is the line a record ends on; a quoted field may hold line breaks.
            var line = (int)csv.RawRow - csv.RawRecord.TrimEnd('\r', '\n').Count(c => c == '\n');
            if (record.Length != _columns.Count)
            {
                Problem(line, Math.Min(record.Length, _columns.Count), "(row)", $"{record.Length} fields", $"{_columns.Count}, one per column of the header");
                continue;
            }

            ReadRow(line, record);
        }

        if (_rows.Count == 0 && _problems.Count == 0)
        {
            Problem(1, 0, "(log)", "no case", "at least one row after the header");
        }
    }

    private bool ReadHeader(string[] header)
    {
        var expected = $"the columns {string.Join(", ", IntakeLogFormat.Required)} and any of {string.Join(", ", IntakeLogFormat.Optional)}";
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i];
            if (!IntakeLogFormat.Required.Contains(name) && !IntakeLogFormat.Optional.Contains(name))
            {
                Problem(1, i, "(header)", name, $"{expected}: unknown column");
            }
            else if (!_columns.TryAdd(name, i))
            {
                Problem(1, i, "(header)", name, $"{expected}: a second {name} column");
            }
        }

        foreach (var missing in IntakeLogFormat.Required.Where(c => !_columns.ContainsKey(c)))
        {
            Problem(1, header.Length, "(header)", $"no {missing} column", expected);
        }

        return _problems.Count == 0;
    }

    private void ReadRow(int line, string[] record)
    {
        var before = _problems.Count;
        var at = Time(line, record);
        var unit = Cell(line, record, IntakeLogFormat.Unit, true, text => _units.Contains(text) ? text : null, $"a unit id of the city {_cityId}");
        var type = Cell(line, record, IntakeLogFormat.Type, true, Named<CaseType>, $"one of {ScenarioReader.TypeNames}");
        var channel = Cell(line, record, IntakeLogFormat.Channel, true, Named<IntakeChannel>, $"one of {string.Join(", ", Enum.GetValues<IntakeChannel>().Select(ScenarioReader.ChannelName))}");
        var amount = Cell(line, record, IntakeLogFormat.AmountYuan, false, text => Whole(text, 0), "a whole number of yuan ≥ 0, or empty");
        var parties = Cell(line, record, IntakeLogFormat.Parties, false, text => Whole(text, 1), "a whole number of parties ≥ 1, or empty");
        var highRisk = Cell(line, record, IntakeLogFormat.HighRisk, false, Flag, "true or false, or empty");
        var longStanding = Cell(line, record, IntakeLogFormat.LongStanding, false, Flag, "true or false, or empty");
        var handling = Cell(line, record, IntakeLogFormat.HandlingDays, false, Days, "a number of days ≥ 0, or empty");
        var outcome = Cell(line, record, IntakeLogFormat.Outcome, false, Outcome, $"{IntakeLogFormat.Resolved} or {IntakeLogFormat.Failed}, or empty");
        if (_problems.Count > before)
        {
            return;
        }

        _rows.Add(new LoggedIntake(at!.Value - _start, (string)unit!, (CaseType)type!, (IntakeChannel)channel!)
        {
            AmountYuan = (long?)amount,
            Parties = (int?)(long?)parties,
            HighRisk = (bool?)highRisk,
            LongStanding = (bool?)longStanding,
            HandlingDays = (double?)handling,
            Resolved = (bool?)outcome,
        });
    }

    /// <summary>The receipt time: parsed, within the horizon of replication 1, and not before the previous row's.</summary>
    private DateTimeOffset? Time(int line, string[] record)
    {
        var column = _columns[IntakeLogFormat.ReceivedAt];
        var text = record[column];
        if (!IntakeLogFormat.TryParseTime(text, out var at))
        {
            Problem(line, column, IntakeLogFormat.ReceivedAt, text, "a date and time like 2026-03-02T08:30:00+08:00 (without an offset: China Standard Time)");
            return null;
        }

        var previous = _previous;
        _previous = (at, line, text);
        if (at < _start)
        {
            Problem(line, column, IntakeLogFormat.ReceivedAt, text, $"a time at or after the scenario's start, {IntakeLogFormat.Format(_start)}");
        }
        else if (at - _start >= _horizon)
        {
            Problem(line, column, IntakeLogFormat.ReceivedAt, text, $"a time before the end of the horizon ({_horizonDays.ToString(CultureInfo.InvariantCulture)} days), {IntakeLogFormat.Format(_start + _horizon)}");
        }
        else if (previous is { } p && at < p.At)
        {
            Problem(line, column, IntakeLogFormat.ReceivedAt, text, $"a time at or after line {p.Line}'s {p.Text}: rows in the order received");
        }
        else
        {
            return at;
        }

        return null;
    }

    /// <summary>A cell parsed by <paramref name="parse"/> (null = malformed); an empty or absent optional cell is null without a problem.</summary>
    private object? Cell(int line, string[] record, string name, bool required, Func<string, object?> parse, string expected)
    {
        if (!_columns.TryGetValue(name, out var column) || record[column].Length == 0)
        {
            if (required)
            {
                Problem(line, column, name, "(empty)", expected);
            }

            return null;
        }

        var value = parse(record[column]);
        if (value is null)
        {
            Problem(line, column, name, record[column], expected);
        }

        return value;
    }

    private static object? Named<T>(string text)
        where T : struct, Enum => ScenarioReader.TryEnum<T>(text, out var value) ? value : null;

    private static object? Whole(string text, long min) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= int.MaxValue ? value : null;

    private static object? Days(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= 0 ? value : null;

    private static object? Flag(string text) => text switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    private static object? Outcome(string text) => text switch
    {
        IntakeLogFormat.Resolved => true,
        IntakeLogFormat.Failed => false,
        _ => null,
    };

    private void Problem(long line, int column, string name, string value, string expected) =>
        _problems.Add($"{_file}:{line}:{column + 1}: {name}: {value} — expected {expected}");
}
