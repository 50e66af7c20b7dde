using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Orleans.Governance.Api.Tests.Support;
using Orleans.Governance.Tests.Shared;

namespace Orleans.Governance.Api.Tests;

/// <summary>The API reference at /api/docs, opened in a real browser (Debian's Chromium through Playwright): it must load our OpenAPI document and list our operations.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiReferencePageTests(ApiHost host)
{
    [Fact]
    public async Task The_reference_page_renders_the_api_from_its_openapi_document()
    {
        await InstallChromiumAsync();
        host.CreateClient().Dispose(); // starts the host
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            // Root in a container needs --no-sandbox; the rest keep Chromium off the closed network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync();
        var documentStatus = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        page.Response += (_, response) =>
        {
            if (response.Url.EndsWith("/openapi/v1.json", StringComparison.Ordinal))
            {
                documentStatus.TrySetResult(response.Status);
            }
        };

        await page.GotoAsync($"{address}/api/docs");

        Assert.Equal(200, await documentStatus.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        await Assertions.Expect(page.GetByText("Registers a case at a unit").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "api-reference.png") });
        foreach (var tag in new[] { "Cases", "Case actions", "Worklists", "Figures", "Public", "Open311" })
        {
            await Assertions.Expect(page.GetByText(tag, new() { Exact = true }).First).ToBeAttachedAsync(new() { Timeout = 10_000 });
        }

        Assert.Equal("Orleans.Governance API", await page.TitleAsync());
    }

    private static async Task InstallChromiumAsync()
    {
        using var install = Process.Start(new ProcessStartInfo(Path.Combine(RepositoryRoot.Path, "deploy", "install-chromium.sh")) { RedirectStandardError = true })!;
        var why = await install.StandardError.ReadToEndAsync();
        await install.WaitForExitAsync();
        Assert.True(install.ExitCode == 0, $"The browser test needs Debian's Chromium, and it could not be installed: {why}");
    }
}
