using System.Globalization;
using Spectre.Console;

namespace Orleans.Governance.Simulation.Load;

/// <summary>The console figures of a load drive: throughput, latency percentiles, open disputes by status.</summary>
public static class LoadReport
{
    public static void Print(IAnsiConsole console, LoadResult result)
    {
        var totals = new Table().Title("load").AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        totals.AddRow("registered", result.Registered.ToString("N0", CultureInfo.InvariantCulture));
        totals.AddRow("completed (closed)", result.Completed.ToString("N0", CultureInfo.InvariantCulture));
        totals.AddRow("open in the city (roll-up)", result.Open.ToString("N0", CultureInfo.InvariantCulture));
        totals.AddRow("registration phase", $"{result.RegistrationSeconds:0.00} s");
        totals.AddRow("registrations/s", result.RegistrationsPerSecond.ToString("N0", CultureInfo.InvariantCulture));
        totals.AddRow("whole drive", $"{result.TotalSeconds:0.00} s");
        totals.AddRow("calls", result.Calls.ToString("N0", CultureInfo.InvariantCulture));
        totals.AddRow("calls/s", result.CallsPerSecond.ToString("N0", CultureInfo.InvariantCulture));
        totals.AddRow("retried calls", result.Retries.ToString("N0", CultureInfo.InvariantCulture));
        totals.AddRow("refused commands", result.Refused.ToString("N0", CultureInfo.InvariantCulture));
        if (result.StoppedByDuration)
        {
            totals.AddRow("[yellow]stopped[/]", "[yellow]--duration reached[/]");
        }

        console.Write(totals);

        var latency = new Table().Title("call latency (ms)").AddColumn("call");
        foreach (var column in new[] { "calls", "p50", "p95", "p99", "max" })
        {
            latency.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var row in result.Latencies)
        {
            latency.AddRow(row.Kind, row.Calls.ToString("N0", CultureInfo.InvariantCulture), Ms(row.P50), Ms(row.P95), Ms(row.P99), Ms(row.Max));
        }

        console.Write(latency);

        var open = new Table().Title("open by status").AddColumn("status").AddColumn(new TableColumn("cases").RightAligned());
        foreach (var (status, count) in result.OpenByStatus.OrderBy(pair => pair.Key))
        {
            open.AddRow(status.ToString(), count.ToString("N0", CultureInfo.InvariantCulture));
        }

        console.Write(open);
    }

    private static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
