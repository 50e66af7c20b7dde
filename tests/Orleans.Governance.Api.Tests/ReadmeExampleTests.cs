using System.Diagnostics;
using System.Text.RegularExpressions;
using Orleans.Governance.Tests.Shared;
using Xunit.Abstractions;

namespace Orleans.Governance.Api.Tests;

/// <summary>README's curl lines, run as written against the backend started as README says (in its own process, on free ports).</summary>
public sealed partial class ReadmeExampleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_readme_api_example_registers_acts_on_and_looks_up_a_case()
    {
        var (installed, _, why) = await BashAsync(Path.Combine(RepositoryRoot.Path, "deploy", "install-api-tools.sh"), api: "");
        Assert.True(installed == 0, $"README's API example needs curl and jq, and they could not be installed: {why}");

        var example = ExampleBlock().Match(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "README.md")));
        Assert.True(example.Success, "README.md has no ```bash block between <!-- api-example:start --> and <!-- api-example:end -->.");

        var (siloPort, httpPort) = (FreePort.Next(), FreePort.Next());
        await using var silo = await SiloProcess.StartAsync("readme", siloPort,
            [$"--Governance:SiloPort={siloPort}", $"--Governance:GatewayPort={FreePort.Next()}", $"--Urls=http://127.0.0.1:{httpPort}"]);

        var (exitCode, stdout, stderr) = await BashAsync(example.Groups["script"].Value, $"http://127.0.0.1:{httpPort}");
        output.WriteLine(stdout);
        output.WriteLine(stderr);
        Assert.True(exitCode == 0, $"README's API example failed (exit {exitCode}):\n{stderr}\n{stdout}\nsilo:\n{silo.Output}");

        var caseNumber = Regex.Match(stdout, @"registered (sample-01-01-001-1-\d{8}-\d{4})").Groups[1].Value;
        Assert.NotEmpty(caseNumber);
        Assert.Contains("\"parties\":[{\"name\":\"张三丰\",\"phone\":\"13812345678\"", stdout);
        foreach (var (action, status) in new[] { ("sign", "accepted"), ("sessions", "inMediation"), ("resolve", "resolved"), ("close", "closed"), ("follow-up", "followedUp") })
        {
            Assert.Contains($"{{\"action\":\"{action}\",\"status\":\"{status}\"", stdout);
        }

        var open311 = Regex.Match(stdout, """"{"service_request_id":"(sample-01-01-001-1-\d{8}-\d{4})","status":"open"""");
        Assert.True(open311.Success, "The Open311 request was not filed and read back as open.");
        Assert.NotEqual(caseNumber, open311.Groups[1].Value);
        Assert.DoesNotContain("13900001111", stdout);

        var publicLookup = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.Contains($"\"caseNumber\":\"{caseNumber}\"", publicLookup);
        Assert.DoesNotContain("张", publicLookup);
        Assert.DoesNotContain("5678", publicLookup);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> BashAsync(string script, string api)
    {
        var start = new ProcessStartInfo("bash", ["-euo", "pipefail", "-c", script])
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["API"] = api },
        };
        using var bash = Process.Start(start)!;
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (bash.ExitCode, await stdout, await stderr);
    }


    [GeneratedRegex(@"<!-- api-example:start -->\s*```bash\n(?<script>.*?)```\s*<!-- api-example:end -->", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();
}
