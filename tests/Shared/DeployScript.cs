using System.Diagnostics;

namespace Orleans.Governance.Tests.Shared;

/// <summary>The development scripts under deploy/ that install what a test needs (they do nothing when it is there).</summary>
public static class DeployScript
{
    /// <summary>Runs the script and fails the test with its own explanation when it cannot install: no silent skip.</summary>
    public static async Task RunAsync(string script, string needs)
    {
        using var install = Process.Start(new ProcessStartInfo(Path.Combine(RepositoryRoot.Path, "deploy", script)) { RedirectStandardError = true })!;
        var why = await install.StandardError.ReadToEndAsync();
        await install.WaitForExitAsync();
        Assert.True(install.ExitCode == 0, $"{needs}, and deploy/{script} could not install it: {why}");
    }
}
