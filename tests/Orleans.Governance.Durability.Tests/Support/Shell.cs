using System.Diagnostics;

namespace Orleans.Governance.Durability.Tests.Support;

/// <summary>Runs the deploy scripts and fails with their output when they fail.</summary>
public static class Shell
{
    public static async Task<string> RunAsync(string script, IDictionary<string, string>? environment = null, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"{script} exited with {process.ExitCode}: {await output}{await error}");
    }
}
