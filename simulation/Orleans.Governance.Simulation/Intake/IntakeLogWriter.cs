using System.Globalization;
using CsvHelper;
using Orleans.Governance.Simulation.Scenarios;

namespace Orleans.Governance.Simulation.Intake;

/// <summary>
/// Writes a run's arrivals as an intake log (<c>run --export-intake</c>): in the order the cases
/// were registered, which is the order of their case numbers, so that a replay of the log with the
/// same seed gives each case the same id and thus the same random stream.
/// </summary>
public static class IntakeLogWriter
{
    public static void Write(string path, DateOnly startDate, IReadOnlyList<LoggedIntake> rows)
    {
        var start = IntakeLogFormat.Start(startDate);
        using var text = new StreamWriter(path);
        using var csv = new CsvWriter(text, CultureInfo.InvariantCulture);
        foreach (var column in IntakeLogFormat.Exported)
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
        foreach (var row in rows)
        {
            csv.WriteField(IntakeLogFormat.Format(start + row.SinceStart));
            csv.WriteField(row.UnitId);
            csv.WriteField(ScenarioReader.TypeName(row.Type));
            csv.WriteField(ScenarioReader.ChannelName(row.Channel));
            csv.WriteField(row.AmountYuan);
            csv.WriteField(row.Parties);
            csv.WriteField(Flag(row.HighRisk));
            csv.WriteField(Flag(row.LongStanding));
            csv.NextRecord();
        }
    }

    private static string Flag(bool? flag) => flag switch
    {
        true => "true",
        false => "false",
        null => "",
    };
}
