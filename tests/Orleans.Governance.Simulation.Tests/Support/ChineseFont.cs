using System.Diagnostics;
using System.Runtime.CompilerServices;
using Orleans.Governance.Tests.Shared;

namespace Orleans.Governance.Simulation.Tests.Support;

/// <summary>
/// Installs the charts' CJK font (deploy/install-cjk-font.sh) before any test draws a chart: the
/// font list is read once per process, so it must be there before the first chart, as PostgreSQL
/// must be before the durability tests. Without root the script only says what is missing, and
/// the report test then fails with that.
/// </summary>
internal static class ChineseFont
{
    [ModuleInitializer]
    internal static void Install()
    {
        var script = Path.Combine(RepositoryRoot.Path, "deploy", "install-cjk-font.sh");
        using var process = Process.Start("bash", [script]);
        process.WaitForExit(TimeSpan.FromMinutes(3));
    }
}
