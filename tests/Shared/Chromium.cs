using System.Diagnostics;
using Microsoft.Playwright;

namespace Orleans.Governance.Tests.Shared;

/// <summary>
/// Debian's Chromium for the browser tests, driven through Playwright (Playwright's own browser
/// download is not reachable from the machines). No silent skip: a test that needs it installs it
/// with deploy/install-chromium.sh, and fails with the script's reason when it cannot.
/// </summary>
internal static class Chromium
{
    public const string Executable = "/usr/bin/chromium";

    /// <summary>Installs Chromium unless it is there; fails the calling test with the reason when it cannot be had.</summary>
    public static async Task InstallAsync()
    {
        using var install = Process.Start(new ProcessStartInfo(Path.Combine(RepositoryRoot.Path, "deploy", "install-chromium.sh")) { RedirectStandardError = true })!;
        var why = await install.StandardError.ReadToEndAsync();
        await install.WaitForExitAsync();
        Assert.True(install.ExitCode == 0, $"The browser test needs Debian's Chromium, and it could not be installed: {why}");
    }

    /// <summary>Installs Chromium if needed and starts it headless.</summary>
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        await InstallAsync();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            // Root in a container needs --no-sandbox; the rest keep Chromium off the closed network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }
}
