using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Orleans.Governance.Api.Identity;
using Orleans.Governance.Api.Page;
using Orleans.Governance.Api.Tests.Support;
using Orleans.Governance.Api.Units;
using Orleans.Governance.Domain.Access;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Tests.Shared;

namespace Orleans.Governance.Api.Tests;

/// <summary>
/// The leaders' page at <c>/</c>, in Debian's Chromium through Playwright, signed in with the API's
/// own tokens: what a county leader sees is their county, with the API's figures, kept up to date
/// without a reload, in Chinese or English, and nothing of another county reaches the browser.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class LeadersPageTests(ApiHost host, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    public const string UpdateVariable = "UPDATE_SCREENSHOTS";

    private const string County = SampleUnits.CountyA;
    private const string OtherCounty = SampleUnits.CountyB;

    private string LeaderToken => host.TokenFor(Role.CentreLeader, County, user: "leader@" + County);

    private IEnumerable<UnitProfile> ChildrenOf(string unitId) => host.City.Units.Where(u => u.Parent?.Id == unitId);

    private Task<LeadersPageSession> OpenAsync(string? token, int refreshSeconds = 1, Func<IPage, Task>? prepare = null) =>
        LeadersPageSession.OpenAsync(chromium.Browser, host.Address, token, refreshSeconds, prepare);

    [Fact]
    public async Task A_county_leader_sees_only_their_county_with_the_apis_subtree_figures_and_drills_down()
    {
        await using var session = await OpenAsync(LeaderToken);
        await session.WaitForTreeAsync(County);

        var townships = ChildrenOf(County).Select(u => u.Id).ToList();
        Assert.Equal([County, .. townships], await session.TreeUnitsAsync());
        await AssertFiguresAsShownByApiAsync(session, [County, .. townships]);
        await Assertions.Expect(session.Page.Locator("#updated")).ToHaveTextAsync(UpdatedAt());

        // Drill down: the township's villages load under it (its grids are not listed), and close again.
        var township = townships[0];
        var villages = ChildrenOf(township).Select(u => u.Id).ToList();
        Assert.All(villages, v => Assert.Equal(Level.Village, host.LevelOf(v)));
        await session.Row(township).Locator("button.toggle").ClickAsync();
        await Assertions.Expect(session.Row(villages[^1])).ToBeVisibleAsync();
        Assert.Equal([County, township, .. villages, .. townships.Skip(1)], await session.TreeUnitsAsync());
        Assert.Equal("true", await session.Row(township).Locator("button.toggle").GetAttributeAsync("aria-expanded"));
        await AssertFiguresAsShownByApiAsync(session, [township, .. villages]);

        await session.Row(township).Locator("button.toggle").ClickAsync();
        await Assertions.Expect(session.Row(villages[0])).ToHaveCountAsync(0);
        Assert.Equal([County, .. townships], await session.TreeUnitsAsync());
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task A_case_registered_through_the_api_appears_without_a_reload()
    {
        await using var session = await OpenAsync(LeaderToken);
        await session.WaitForTreeAsync(County);
        await session.WaitForRoundsAsync(1, "before the case is registered");
        var before = await session.CellsAsync(County);
        await session.Page.EvaluateAsync("() => { window.sameDocument = true; }");

        await Calls.RegisterAsync(host.ClientFor(Role.CentreStaff, County, user: "clerk@" + County), County);

        var timeout = new LocatorAssertionsToHaveTextOptions { Timeout = 15_000 };
        await Assertions.Expect(session.Cell(County, "admitted")).ToHaveTextAsync(Count(long.Parse(before["admitted"], NumberStyles.AllowThousands, CultureInfo.InvariantCulture) + 1), timeout);
        await Assertions.Expect(session.Cell(County, "open")).ToHaveTextAsync(Count(long.Parse(before["open"], NumberStyles.AllowThousands, CultureInfo.InvariantCulture) + 1), timeout);
        Assert.True(await session.Page.EvaluateAsync<bool>("() => window.sameDocument === true"), "The page reloaded to show the new case.");
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Another_countys_data_never_reaches_the_browser()
    {
        await using var session = await OpenAsync(LeaderToken);
        await session.WaitForTreeAsync(County);
        foreach (var township in ChildrenOf(County))
        {
            await session.Row(township.Id).Locator("button.toggle").ClickAsync();
            await Assertions.Expect(session.Row(ChildrenOf(township.Id).Last().Id)).ToBeVisibleAsync();
        }

        await session.WaitForRoundsAsync(2, "with every township open");
        var answers = await session.ApiAnswersAsync();

        var ours = Subtree(County).ToList();
        var theirs = Subtree(OtherCounty).ToList();
        // A name both counties use cannot tell them apart; the ids always can.
        var secrets = theirs.Select(u => u.Id).Concat(theirs.Select(u => u.Name).Except(ours.Select(u => u.Name))).ToList();
        Assert.NotEmpty(answers);
        foreach (var answer in answers)
        {
            Assert.True(answer.Status == 200, $"The page asked for what it may not have: {answer.Url} answered {answer.Status} {answer.Body}");
            var leaked = secrets.Where(s => answer.Body.Contains(s, StringComparison.Ordinal)).ToList();
            Assert.True(leaked.Count == 0, $"{answer.Url} sent {string.Join(", ", leaked)} of {OtherCounty} to a leader of {County}:\n{answer.Body}");
        }

        // The detector sees what it looks for: the answers do name the county's own villages.
        Assert.Contains(answers, a => a.Body.Contains(ChildrenOf(ChildrenOf(County).First().Id).First().Id, StringComparison.Ordinal));
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Chinese_labels_render_in_a_cjk_font_and_the_english_switch_translates_and_is_kept()
    {
        await DeployScript.RunAsync("install-cjk-font.sh", "The page's Chinese labels need a CJK font");
        // No refresh during the test: the rows it screenshots are redrawn by every round.
        await using var session = await OpenAsync(LeaderToken, refreshSeconds: 3600);
        await session.WaitForTreeAsync(County);
        var page = session.Page;

        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.Locator("#title")).ToHaveTextAsync("综治中心工作看板");
        await Assertions.Expect(page.Locator("#tree-head th[data-field='open']")).ToHaveTextAsync("在办");
        await Assertions.Expect(session.Row(County).Locator(".level")).ToHaveTextAsync("县(区)");
        await AssertDrawnInACjkFontAsync(page.Locator("#title"));
        await AssertDrawnInACjkFontAsync(page.Locator("#tree-head th[data-field='resolvedHere']"));
        await AssertDrawnInACjkFontAsync(session.Row(County).Locator(".level"));

        await page.Locator("#language").ClickAsync();
        await AssertEnglishAsync(session);

        // Kept in this browser: a reload comes back in English (and still signed in: the token is in this tab's session).
        await page.ReloadAsync();
        await session.WaitForTreeAsync(County);
        await AssertEnglishAsync(session);

        await page.Locator("#language").ClickAsync();
        await Assertions.Expect(page.Locator("#title")).ToHaveTextAsync("综治中心工作看板");
        Assert.Equal("zh", await page.EvaluateAsync<string>("() => localStorage.getItem('governance.lang')"));
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task The_overdue_and_warning_lists_show_the_apis_items_in_the_users_language()
    {
        // No case of this host is overdue (its deadline watch runs on the real clock, deadlines are days
        // away) and no unit has the 14 days of history a warning needs: the page is handed both lists,
        // made of the API's own views and serialised with the API's own JSON settings.
        var township = ChildrenOf(County).First();
        var county = host.City.Units.Single(u => u.Id == County);
        var overdue = new SupervisedCaseView($"{County}-20261120-0007", CaseType.Labour, Grade.Complex, CaseStatus.InMediation,
            County, county.Name, Level.County, new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero), 4.25);
        var warning = new EarlyWarningView(township.Id, township.Name, Level.Township, CaseType.LandContract,
            new DateOnly(2026, 11, 29), new DateOnly(2026, 12, 1), 9, 2.36, 1e-7, new DateOnly(2026, 11, 30));
        var json = new JsonSerializerOptions();
        GovernanceApi.ConfigureJson(json);
        var asked = new List<string>();
        await using var session = await OpenAsync(LeaderToken, refreshSeconds: 3600, prepare: async page =>
        {
            await page.RouteAsync(url => new Uri(url).AbsolutePath == $"/api/v1/units/{County}/supervision", route =>
            {
                asked.Add(new Uri(route.Request.Url).Query);
                return route.FulfillAsync(new() { ContentType = "application/json", Body = JsonSerializer.Serialize(new SupervisionView(42, [overdue]), json) });
            });
            await page.RouteAsync(url => new Uri(url).AbsolutePath == $"/api/v1/units/{County}/warnings", route =>
                route.FulfillAsync(new() { ContentType = "application/json", Body = JsonSerializer.Serialize<IReadOnlyList<EarlyWarningView>>([warning], json) }));
        });
        await session.WaitForTreeAsync(County);

        var row = session.Page.Locator($"#supervision-list tbody tr[data-case='{overdue.CaseNumber}']");
        var warned = session.Page.Locator("#warning-list tbody tr");
        await Assertions.Expect(row.Locator("td[data-field='caseType']")).ToHaveTextAsync("劳动争议");
        await Assertions.Expect(row.Locator("td[data-field='unit']")).ToHaveTextAsync(county.Name + "县(区)");
        await Assertions.Expect(row.Locator("td[data-field='closeBy']")).ToHaveTextAsync("2026/11/27"); // 16:00 in China Standard Time
        await Assertions.Expect(row.Locator("td[data-field='daysOverdue']")).ToHaveTextAsync("4.3");
        await Assertions.Expect(session.Page.Locator("#supervision-summary")).ToHaveTextAsync("共 42 件，显示前 1 件");
        Assert.Equal(["?limit=100"], asked.Distinct());
        await Assertions.Expect(warned).ToHaveCountAsync(1);
        await Assertions.Expect(warned.Locator("td[data-field='unit']")).ToHaveTextAsync(township.Name + "乡镇(街道)");
        await Assertions.Expect(warned.Locator("td[data-field='caseType']")).ToHaveTextAsync("土地承包");
        await Assertions.Expect(warned.Locator("td[data-field='window']")).ToHaveTextAsync("2026-11-29 – 2026-12-01");
        await Assertions.Expect(warned.Locator("td[data-field='observedExpected']")).ToHaveTextAsync("9 / 2.4");
        await Assertions.Expect(warned.Locator("td[data-field='since']")).ToHaveTextAsync("2026-11-30");

        await session.Page.Locator("#language").ClickAsync();
        await Assertions.Expect(row.Locator("td[data-field='caseType']")).ToHaveTextAsync("Labour");
        await Assertions.Expect(row.Locator("td[data-field='unit']")).ToHaveTextAsync(county.Name + "County (district)");
        await Assertions.Expect(session.Page.Locator("#supervision-summary")).ToHaveTextAsync("42 cases, the first 1 shown");
        await Assertions.Expect(warned.Locator("td[data-field='caseType']")).ToHaveTextAsync("Land contract");
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task A_refused_token_returns_to_the_sign_in_form_with_the_problem_and_no_token_travels_in_an_address()
    {
        var forged = DevelopmentTokens.Mint(new ApiOptions { DevelopmentSigningKey = "someone-elses-signing-key-0123456789abcdef" },
            "mallory", Role.CityAdministrator, "sample", null, TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
        await using var session = await OpenAsync(forged);
        var page = session.Page;

        await Assertions.Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#sign-in-problem")).ToContainTextAsync("signature does not verify");
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('governance.token')"));
        Assert.DoesNotContain("token", page.Url, StringComparison.Ordinal);

        // Pasted into the form instead, a valid token signs in.
        var token = LeaderToken;
        await page.Locator("#token").FillAsync(token);
        await page.Locator("#sign-in-form button[type='submit']").ClickAsync();
        await session.WaitForTreeAsync(County);
        await Assertions.Expect(page.Locator("#sign-in")).ToBeHiddenAsync();
        Assert.Equal(token, await page.EvaluateAsync<string?>("() => sessionStorage.getItem('governance.token')"));

        await page.Locator("#sign-out").ClickAsync();
        await Assertions.Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('governance.token')"));
        await Assertions.Expect(page.Locator("#tree-body tr")).ToHaveCountAsync(0); // nothing left for whoever signs in next

        var requests = session.Requests;
        Assert.All(requests, r => Assert.True(!r.Url.Contains(token, StringComparison.Ordinal) && !r.Url.Contains(forged, StringComparison.Ordinal), $"A token travelled in {r.Url}"));
        var apiCalls = requests.Where(r => new Uri(r.Url).AbsolutePath.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        Assert.Contains(apiCalls, r => r.Authorization == "Bearer " + forged);
        Assert.All(apiCalls, r => Assert.True(r.Authorization == "Bearer " + token || r.Authorization == "Bearer " + forged, $"{r.Url} went without the bearer token"));
    }

    [Fact]
    public async Task A_token_refused_while_the_page_is_open_returns_to_the_sign_in_form_with_the_problem()
    {
        await using var session = await OpenAsync(LeaderToken);
        await session.WaitForTreeAsync(County);
        await session.WaitForRoundsAsync(1, "before the token is refused");

        // From now on the API refuses the token, as it does once a token has expired.
        const string detail = "The token expired at 2026-12-01T08:00:00.0000000+00:00.";
        await session.Page.RouteAsync("**/api/v1/**", route => route.FulfillAsync(new()
        {
            Status = 401,
            ContentType = "application/problem+json",
            Body = JsonSerializer.Serialize(new { status = 401, title = "Unauthenticated", detail, rule = "token" }),
        }));

        await Assertions.Expect(session.Page.Locator("#sign-in-problem")).ToHaveTextAsync(detail, new() { Timeout = 15_000 });
        await Assertions.Expect(session.Page.Locator("#sign-in")).ToBeVisibleAsync();
        await Assertions.Expect(session.Page.Locator("#board")).ToBeHiddenAsync();
        Assert.Null(await session.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('governance.token')"));
        // Chromium itself logs each refused request; nothing else may have gone wrong.
        Assert.All(session.ConsoleErrors, e => Assert.StartsWith("Failed to load resource: the server responded with a status of 401", e, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_page_is_served_at_the_root_under_a_strict_content_security_policy_and_outside_the_openapi_document()
    {
        var client = host.CreateClient();
        var index = await Calls.GetAsync(client, "/");
        Assert.Equal(HttpStatusCode.OK, index.Status);
        Assert.Equal("text/html", index.ContentHeaders?.ContentType?.MediaType);
        Assert.Equal(LeadersPage.ContentSecurityPolicy, string.Join(";", index.Headers.GetValues("Content-Security-Policy")));
        Assert.Matches("script-src 'self';", LeadersPage.ContentSecurityPolicy);
        Assert.DoesNotMatch("unsafe-inline|unsafe-eval", LeadersPage.ContentSecurityPolicy);
        Assert.DoesNotMatch(InlineScriptOrStyle(), index.Body);

        foreach (var (asset, type) in new[] { ("app.js", "text/javascript"), ("app.css", "text/css") })
        {
            Assert.Contains($"{LeadersPage.AssetsPath}/{asset}", index.Body, StringComparison.Ordinal);
            var answer = await Calls.GetAsync(client, $"{LeadersPage.AssetsPath}/{asset}");
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Equal(type, answer.ContentHeaders?.ContentType?.MediaType);
            Assert.True(answer.Body.Length > 1000, $"{asset} is only {answer.Body.Length} characters");
        }

        var paths = (await Calls.GetAsync(client, "/openapi/v1.json")).Json["paths"]!.AsObject();
        Assert.DoesNotContain(paths, p => !p.Key.StartsWith("/api/", StringComparison.Ordinal) && !p.Key.StartsWith("/open311/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_cases_at_several_units_every_panel_loads_without_a_problem_or_a_policy_violation()
    {
        // Cases at the county and its townships, one of them resolved, closed and followed up at its township.
        // The second township: its mediators are nobody else's (the property test climbs through the first).
        var staff = host.ClientFor(Role.CentreStaff, County, user: "clerk@" + County);
        var township = ChildrenOf(County).Last().Id;
        var numbers = new Dictionary<string, string>();
        foreach (var (unit, type) in new[] { (County, "labour"), (County, "trafficAccident"), (ChildrenOf(County).First().Id, "landContract"), (township, "neighbour") })
        {
            var answer = await Calls.SendAsync(staff, HttpMethod.Post, $"/api/v1/units/{unit}/cases",
                new { channel = "walkIn", type, description = "看板截图用案件", parties = new[] { Party.Fresh().Body } });
            Assert.True(answer.Status == HttpStatusCode.Created, answer.ToString());
            numbers[type] = answer.CaseNumber;
        }

        var mediatorId = (await host.FileAsync(numbers["neighbour"])).MediatorId;
        Assert.True(mediatorId is not null, $"The mediators of {township} are all busy: no other test may register there.");
        var mediator = host.ClientFor(Role.Mediator, township, Calls.PersonOf(mediatorId));
        foreach (var action in new[] { "sign", "sessions", "resolve" })
        {
            await Calls.ActAsync(mediator, numbers["neighbour"], action);
        }

        var clerk = host.ClientFor(Role.CentreStaff, township, "clerk");
        await Calls.ActAsync(clerk, numbers["neighbour"], "close");
        await Calls.ActAsync(clerk, numbers["neighbour"], "follow-up");

        await using var session = await OpenAsync(LeaderToken);
        await session.WaitForTreeAsync(County);
        await session.Row(township).Locator("button.toggle").ClickAsync();
        await session.WaitForRoundsAsync(2, "with a township open");
        await Assertions.Expect(session.Cell(township, "meanSatisfaction")).Not.ToHaveTextAsync("—");
        await Assertions.Expect(session.Page.Locator("#shares-chart svg")).ToContainTextAsync("%");

        foreach (var problem in await session.Page.Locator(".problem").AllAsync())
        {
            Assert.False(await problem.IsVisibleAsync(), $"A panel shows a problem: {await problem.TextContentAsync()}");
        }

        await Assertions.Expect(session.Page.Locator("#shares-chart svg")).ToBeVisibleAsync();
        await Assertions.Expect(session.Page.Locator("#trend-chart svg")).ToBeVisibleAsync();
        Assert.Empty(session.ConsoleErrors);

        var screenshot = await session.Page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "leaders-page.png") });
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllBytesAsync(Path.Combine(RepositoryRoot.Path, "docs", "leaders-page.png"), screenshot);
        }
    }

    /// <summary>The rows show what the API answers for the same units with the same token.</summary>
    private async Task AssertFiguresAsShownByApiAsync(LeadersPageSession session, IReadOnlyList<string> units)
    {
        var client = host.ClientFor(Role.CentreLeader, County, user: "leader@" + County);
        var expected = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        foreach (var unit in units)
        {
            var answer = await Calls.GetAsync(client, $"/api/v1/units/{unit}/figures/subtree");
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            expected[unit] = Shown(answer.Json);
        }

        // The round under way may have read before the API did; the one after it read after.
        await session.WaitForRoundsAsync(2, "comparing the tree with the API");
        foreach (var unit in units)
        {
            Assert.Equal(expected[unit], await session.CellsAsync(unit));
        }
    }

    /// <summary>
    /// A FiguresView as the tree shows it: counts with thousands separators, satisfaction and days to
    /// one decimal, a dash for a mean of nothing (no follow-up yet, no case closed yet).
    /// </summary>
    private static IReadOnlyDictionary<string, string> Shown(JsonNode figures)
    {
        static string Decimal(JsonNode? value) => value is null ? "—" : ((double)value).ToString("F1", CultureInfo.InvariantCulture);
        var shown = new Dictionary<string, string>();
        foreach (var field in new[] { "open", "admitted", "resolvedHere", "escalatedOut", "overdue", "unsignedWarnings" })
        {
            shown[field] = Count((long)figures[field]!);
        }

        shown["meanSatisfaction"] = Decimal(figures["meanSatisfaction"]);
        shown["meanDaysToClose"] = Decimal((long)figures["closedHere"]! == 0 ? null : figures["meanDaysToClose"]);
        return shown;
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private IEnumerable<UnitProfile> Subtree(string unitId) => host.City.Units.Where(u => host.SelfAndAncestors(u.Id).Contains(unitId));

    private static async Task AssertEnglishAsync(LeadersPageSession session)
    {
        var page = session.Page;
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en-GB");
        await Assertions.Expect(page.Locator("#title")).ToHaveTextAsync("Governance centre overview");
        await Assertions.Expect(page.Locator("#tree-head th[data-field='open']")).ToHaveTextAsync("Open");
        await Assertions.Expect(session.Row(County).Locator(".level")).ToHaveTextAsync("County (district)");
        await Assertions.Expect(page.Locator("#shares-chart svg")).ToContainTextAsync("Township (street)");
        await Assertions.Expect(page.Locator("#language")).ToHaveTextAsync("中文");
        Assert.Equal("en", await page.EvaluateAsync<string>("() => localStorage.getItem('governance.lang')"));
    }

    /// <summary>
    /// The element's Chinese text draws something (it differs from the element with its text made
    /// transparent), and not tofu: it differs from the same element with each Chinese character
    /// replaced by a private-use one, which no font draws; without a CJK font both are the same boxes.
    /// </summary>
    private static async Task AssertDrawnInACjkFontAsync(ILocator element)
    {
        var text = await element.TextContentAsync() ?? "";
        Assert.Matches(Han(), text);
        var drawn = await element.ScreenshotAsync();

        await element.EvaluateAsync("e => { e.style.color = 'transparent'; }");
        var blank = await element.ScreenshotAsync();
        await element.EvaluateAsync("e => { e.style.color = ''; }");

        await element.EvaluateAsync("(e, text) => { e.textContent = text; }", Han().Replace(text, "\uE000"));
        var tofu = await element.ScreenshotAsync();
        await element.EvaluateAsync("(e, text) => { e.textContent = text; }", text);

        Assert.False(drawn.AsSpan().SequenceEqual(blank), $"«{text}» draws nothing: the element looks the same with its text transparent.");
        Assert.False(drawn.AsSpan().SequenceEqual(tofu), $"«{text}» looks exactly like private-use characters: its Chinese is drawn as tofu, no CJK font is installed.");
        Assert.Equal(drawn, await element.ScreenshotAsync()); // restored as it was
    }

    [GeneratedRegex(@"^数据更新于 \d{2}:\d{2}:\d{2}$")]
    private static partial Regex UpdatedAt();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)|<style|\sstyle=|\son[a-z]+=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScriptOrStyle();
}
