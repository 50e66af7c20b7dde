using System.Text.Json;
using Microsoft.Playwright;

namespace Orleans.Governance.Api.Tests.Support;

/// <summary>
/// The leaders' page open in a browser context of its own (its own session and local storage), at
/// 1400×900 in China Standard Time, recording every /api answer it received, every request it sent
/// and every console error (a Content-Security-Policy violation is one).
/// </summary>
public sealed class LeadersPageSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<Task<PageAnswer>> _answers = [];
    private readonly List<(string Url, string? Authorization)> _requests = [];
    private readonly List<string> _consoleErrors = [];

    private LeadersPageSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Response += (_, response) =>
        {
            if (new Uri(response.Url).AbsolutePath.StartsWith("/api/", StringComparison.Ordinal))
            {
                lock (_answers)
                {
                    _answers.Add(ReadAsync(response));
                }
            }
        };
        page.Request += (_, request) =>
        {
            lock (_requests)
            {
                _requests.Add((request.Url, request.Headers.GetValueOrDefault("authorization")));
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_consoleErrors)
                {
                    _consoleErrors.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_consoleErrors)
            {
                _consoleErrors.Add(error);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>
    /// Opens the page, with the token in the address's fragment as a sign-in portal would hand it
    /// over (or none); <paramref name="prepare"/> runs on the page before it loads (routes, say).
    /// </summary>
    public static async Task<LeadersPageSession> OpenAsync(IBrowser browser, string address, string? token, int refreshSeconds = 1, Func<IPage, Task>? prepare = null)
    {
        var context = await browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 1400, Height = 900 },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        var session = new LeadersPageSession(context, await context.NewPageAsync());
        if (prepare is not null)
        {
            await prepare(session.Page);
        }

        var fragment = token is null ? "" : "#token=" + Uri.EscapeDataString(token);
        await session.Page.GotoAsync($"{address}/?refresh={refreshSeconds}{fragment}");
        return session;
    }

    /// <summary>Every answer to a request under /api/ so far, bodies read.</summary>
    public async Task<IReadOnlyList<PageAnswer>> ApiAnswersAsync()
    {
        Task<PageAnswer>[] answers;
        lock (_answers)
        {
            answers = [.. _answers];
        }

        return await Task.WhenAll(answers);
    }

    public IReadOnlyList<(string Url, string? Authorization)> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<string> ConsoleErrors
    {
        get
        {
            lock (_consoleErrors)
            {
                return [.. _consoleErrors];
            }
        }
    }

    public ILocator Row(string unitId) => Page.Locator($"#tree-body tr[data-unit='{unitId}']");

    public ILocator Cell(string unitId, string field) => Row(unitId).Locator($"td[data-field='{field}']");

    /// <summary>Waits for the tree to show the user's unit (the sign-in and the first round are done).</summary>
    public Task WaitForTreeAsync(string unitId) =>
        Assertions.Expect(Row(unitId)).ToBeVisibleAsync(new() { Timeout = 30_000 });

    /// <summary>The units of the tree's rows, top to bottom.</summary>
    public async Task<IReadOnlyList<string>> TreeUnitsAsync() =>
        await Page.Locator("#tree-body tr[data-unit]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.unit)");

    /// <summary>The figures a tree row shows, by field.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CellsAsync(string unitId)
    {
        var json = await Row(unitId).EvaluateAsync<string>("row => JSON.stringify(Object.fromEntries([...row.querySelectorAll('td[data-field]')].map(td => [td.dataset.field, td.textContent])))");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(json)!;
    }

    /// <summary>Waits until the page has finished <paramref name="rounds"/> more refresh rounds than now.</summary>
    public async Task WaitForRoundsAsync(int rounds, string phase)
    {
        var now = await RoundAsync();
        try
        {
            await Page.WaitForFunctionAsync("target => Number(document.getElementById('updated').dataset.round ?? 0) >= target", now + rounds, new() { Timeout = 30_000 });
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{phase}: the page did not finish {rounds} refresh rounds after round {now} within 30 s", e);
        }
    }

    public async Task<int> RoundAsync() => int.Parse(await Page.Locator("#updated").GetAttributeAsync("data-round") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _context.CloseAsync();
    }

    private static async Task<PageAnswer> ReadAsync(IResponse response)
    {
        try
        {
            return new PageAnswer(response.Url, response.Status, await response.TextAsync());
        }
        catch (PlaywrightException e)
        {
            // Unreadable is not clean: a leak check must see every body.
            return new PageAnswer(response.Url, response.Status, $"(body unreadable: {e.Message})");
        }
    }
}
