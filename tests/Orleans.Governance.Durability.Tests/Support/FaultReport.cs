namespace Orleans.Governance.Durability.Tests.Support;

/// <summary>
/// One fault test's outcome in the columns the soak table prints: whether the load ran to its
/// end, how many faults were injected, how many acknowledged cases were checked afterwards and
/// how many of those were lost or duplicated.
/// </summary>
public sealed record FaultReport(string Fault, bool LoadHeld, int FaultsInjected, int Checked, int Lost, int Duplicated, string Note)
{
    public const string Header = "fault | load held | faults injected | acknowledged cases checked | lost | duplicated | note";

    /// <summary>The lifecycles a fault test drives: a short run in CI, more in the soak (GOV_FAULT_LIFECYCLES).</summary>
    public static int Lifecycles(int ci) =>
        int.TryParse(Environment.GetEnvironmentVariable("GOV_FAULT_LIFECYCLES"), out var n) && n > 0 ? n : ci;

    public static FaultReport From(string fault, LoadDriver driver, int lifecycles, int faults, CaseAudit audit, string note) =>
        new(fault, driver.Completed.Count == lifecycles, faults, audit.Acknowledged, audit.Lost, audit.DuplicatedEntries, note);

    public override string ToString() =>
        $"{Fault} | load held: {(LoadHeld ? "yes" : "no")} | faults injected: {FaultsInjected} | acknowledged cases checked: {Checked} | lost: {Lost} | duplicated: {Duplicated} | {Note}";

    /// <summary>Writes the line to the test's output and, for the soak command, appends it to GOV_FAULT_REPORT.</summary>
    public void Publish(Xunit.Abstractions.ITestOutputHelper output)
    {
        output.WriteLine(ToString());
        Console.WriteLine(ToString());
        if (Environment.GetEnvironmentVariable("GOV_FAULT_REPORT") is { Length: > 0 } file)
        {
            File.AppendAllText(file, ToString() + Environment.NewLine);
        }
    }
}
