using Microsoft.Playwright;
using Orleans.Governance.Api.Tests.Support;
using Orleans.Governance.Tests.Shared;

namespace Orleans.Governance.Api.Tests;

/// <summary>The API reference at /api/docs, opened in a real browser (Debian's Chromium through Playwright): it must load our OpenAPI document and list our operations.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiReferencePageTests(ApiHost host, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_reference_page_renders_the_api_from_its_openapi_document()
    {
        var address = host.Address;
        var page = await chromium.Browser.NewPageAsync();
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
}
