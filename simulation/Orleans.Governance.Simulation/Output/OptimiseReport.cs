using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Planning;
using Spectre.Console;

namespace Orleans.Governance.Simulation.Output;

/// <summary>The outputs of <c>optimise</c>: the search's path and the chosen roster on the console, as JSON, and as an HTML page with the cost/objective frontier.</summary>
public static class OptimiseReport
{
    public const string Schema = "orleans-governance-optimise/1";

    public static void PrintStep(IAnsiConsole console, RosterStep step)
    {
        var e = step.Evaluation;
        console.WriteLine($"{step.Number,3}. {step.Move}: {e.Roster}");
        console.WriteLine($"     cost {Number(e.Cost)}, mean {Share(e.Mean)}, lower bound {Share(e.LowerBound)}{(e.Meets ? " (meets the target)" : "")}; {step.RunsSoFar} runs so far");
    }

    public static void Print(IAnsiConsole console, RosterSearchResult search, ReportLabels labels)
    {
        if (search.Chosen is { } chosen)
        {
            var table = new Table()
                .AddColumn("level").AddColumn(new TableColumn("centres").RightAligned()).AddColumn(new TableColumn("per centre").RightAligned())
                .AddColumn(new TableColumn("mediators").RightAligned()).AddColumn(new TableColumn("cost").RightAligned());
            foreach (var level in RosterBreakdown.ByLevel(chosen.Roster, search.City, search.Goal.Costs))
            {
                table.AddRow(labels.LevelName(level.Level), $"{level.Centres}", PerCentre(level), $"{level.Mediators}", Number(level.Cost));
            }

            console.Write(table);
            if (search.LevelWinner is { } start)
            {
                console.Write(CountyTable(RosterBreakdown.ByCounty(chosen.Roster, start, search.City, search.Goal.Costs), search.City.Levels, labels));
            }
        }

        console.WriteLine(Verdict(search));
    }

    private static Table CountyTable(IReadOnlyList<CountyStaffing> counties, IReadOnlyList<Level> levels, ReportLabels labels)
    {
        var table = new Table().Title("mediators per level in each county; centres with more (+) and fewer (−) than in the per-level winner").AddColumn("county");
        foreach (var level in levels)
        {
            table.AddColumn(new TableColumn(Markup.Escape(labels.LevelName(level))).RightAligned());
        }

        table.AddColumn(new TableColumn("cost").RightAligned()).AddColumn("changed");
        foreach (var county in counties)
        {
            var cells = levels.Select(l => county.Levels.FirstOrDefault(s => s.Level == l) is { } s ? $"{s.Mediators}" : "");
            // Counts only: a county can have hundreds of changed centres; JSON and HTML list them.
            var (more, fewer) = (county.Changed.Count(c => c.To > c.From), county.Changed.Count(c => c.To < c.From));
            var changed = county.Changed.Count == 0 ? "" : $"{more} +, {fewer} −";
            table.AddRow([Markup.Escape($"{county.Name} ({county.County ?? "city"})"), .. cells, Number(county.Cost), Markup.Escape(changed)]);
        }

        return table;
    }

    /// <summary>The outcome in a sentence: with <paramref name="labels"/> (a page) in their language, naming the objective by its label; without (the console) by its key, as <c>--objective</c> takes it.</summary>
    public static string Verdict(RosterSearchResult search, ReportLabels? labels = null)
    {
        var goal = search.Goal;
        var chinese = labels?.Lang == ReportLabels.Chinese.Lang;
        var objective = labels is null ? goal.Objective.Key : labels.FigureName(goal.Objective.Label);
        var (target, confidence) = (Share(goal.Target), Share(goal.Confidence));
        var aim = chinese ? $"{objective} ≥ {target}（置信度 {confidence}）" : $"{objective} ≥ {target} with {confidence} confidence";
        var verdict = (search.Chosen, chinese) switch
        {
            ({ } c, false) => $"Cheapest roster found for {aim}: {c.Roster} — {c.Mediators} mediators, cost {Number(c.Cost)}; mean {Share(c.Mean)}, lower bound {Share(c.LowerBound)}; {search.Runs} runs.",
            ({ } c, true) => $"满足 {aim} 的最低成本配置：{c.Roster}，共 {c.Mediators} 名调解员，成本 {Number(c.Cost)}；均值 {Share(c.Mean)}，置信下限 {Share(c.LowerBound)}；共运行 {search.Runs} 次。",
            (null, false) => $"No roster found for {aim} after {search.Runs} runs.",
            (null, true) => $"运行 {search.Runs} 次后未找到满足 {aim} 的配置。",
        };
        return search.Shortfall is not { } why ? verdict : chinese ? $"{verdict}停止原因：{why}。" : $"{verdict} Stopped: {why}.";
    }

    public static string Json(RosterSearchResult search)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var goal = search.Goal;
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteStartObject("goal");
            json.WriteString("objective", goal.Objective.Key);
            json.WriteNumber("target", goal.Target);
            json.WriteNumber("confidence", goal.Confidence);
            json.WriteNumber("maxPerCentre", goal.MaxPerCentre);
            json.WriteNumber("budgetRuns", goal.BudgetRuns);
            json.WriteString("per", goal.Per == RosterScope.Centre ? "centre" : "level");
            if (goal.Per == RosterScope.Centre)
            {
                json.WriteNumber("candidates", goal.Candidates);
            }

            json.WriteStartObject("costPerMediator");
            foreach (var level in search.City.Levels)
            {
                json.WriteNumber(LevelNames.Key(level), goal.Costs.Of(level));
            }

            WriteCounts(json, "centres", goal.Costs.PerCentre);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteNumber("runs", search.Runs);
            json.WritePropertyName("chosen");
            WriteEvaluation(json, search.Chosen);
            if (search.Shortfall is { } why)
            {
                json.WriteString("shortfall", why);
            }

            if (search is { LevelWinner: { } start, Chosen: { } chosen })
            {
                json.WriteStartObject("levelWinner");
                WriteLevels(json, start);
                json.WriteEndObject();
                WriteCounties(json, RosterBreakdown.ByCounty(chosen.Roster, start, search.City, goal.Costs));
            }

            json.WriteStartArray("path");
            foreach (var step in search.Path)
            {
                json.WriteStartObject();
                json.WriteString("move", step.Move.ToString());
                WriteCentres(json, "fromCentres", step.Move.From);
                WriteCentres(json, "toCentres", step.Move.To);
                json.WriteNumber("runsSoFar", step.RunsSoFar);
                json.WritePropertyName("roster");
                WriteEvaluation(json, step.Evaluation);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("evaluated");
            foreach (var evaluation in search.Evaluated)
            {
                WriteEvaluation(json, evaluation);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static string Html(RosterSearchResult search, string scenarioName, ReportLabels labels)
    {
        var zh = labels.InChinese;
        var title = zh ? "最低成本调解员配置" : "Cheapest mediator roster";
        var svg = Charts.Frontier(
            $"{scenarioName}: {(zh ? "成本与目标指标" : "cost and objective")}",
            (zh, search.Goal.Per) switch
            {
                (true, RosterScope.Level) => "成本（每名调解员按层级计价）",
                (true, _) => "成本（每名调解员按层级或中心计价）",
                (false, RosterScope.Level) => "cost (per mediator, by level)",
                (false, _) => "cost (per mediator, by level or centre)",
            },
            labels.FigureName(search.Goal.Objective.Label),
            zh ? "搜索路径" : "search path", zh ? "前沿" : "frontier", zh ? "选定配置" : "chosen roster",
            [.. search.Evaluated.Select(e => (e.Cost, e.Mean))], [.. search.Path.Select(s => (s.Evaluation.Cost, s.Evaluation.Mean))],
            search.Chosen is { } c ? (c.Cost, c.Mean) : null, search.Goal.Target);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(labels.Lang).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode($"{scenarioName} — {title}")).Append("</title>")
            .Append("<style>body{font-family:'Noto Sans CJK SC',sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}td:first-child,th:first-child{text-align:left}</style></head><body>")
            .Append("<h1>").Append(WebUtility.HtmlEncode($"{scenarioName} — {title}")).Append("</h1>")
            .Append("<p>").Append(WebUtility.HtmlEncode(Verdict(search, labels))).Append("</p>")
            .Append(svg);
        if (search.Chosen is { } chosen)
        {
            html.Append("<h2>").Append(zh ? "选定配置（各层级）" : "Chosen roster by level").Append("</h2><table><tr><th>")
                .Append(zh ? "层级" : "level").Append("</th><th>").Append(zh ? "中心数" : "centres").Append("</th><th>")
                .Append(zh ? "每中心调解员" : "per centre").Append("</th><th>").Append(zh ? "调解员合计" : "mediators").Append("</th><th>")
                .Append(zh ? "成本" : "cost").Append("</th></tr>");
            foreach (var level in RosterBreakdown.ByLevel(chosen.Roster, search.City, search.Goal.Costs))
            {
                html.Append("<tr><td>").Append(WebUtility.HtmlEncode(labels.LevelName(level.Level))).Append("</td><td>").Append(level.Centres).Append("</td><td>").Append(PerCentre(level))
                    .Append("</td><td>").Append(level.Mediators).Append("</td><td>").Append(Number(level.Cost)).Append("</td></tr>");
            }

            html.Append("</table>");
            if (search.LevelWinner is { } start)
            {
                AppendCounties(html, RosterBreakdown.ByCounty(chosen.Roster, start, search.City, search.Goal.Costs), search.City.Levels, labels, zh);
            }
        }

        html.Append("<h2>").Append(zh ? "搜索路径" : "Search path").Append("</h2><table><tr><th>#</th><th>").Append(zh ? "变动" : "move").Append("</th><th>")
            .Append(zh ? "配置" : "roster").Append("</th><th>").Append(zh ? "成本" : "cost").Append("</th><th>").Append(zh ? "均值" : "mean").Append("</th><th>")
            .Append(zh ? "置信下限" : "lower bound").Append("</th></tr>");
        foreach (var step in search.Path)
        {
            var e = step.Evaluation;
            html.Append("<tr><td>").Append(step.Number).Append("</td><td>").Append(WebUtility.HtmlEncode(step.Move.Describe(level => labels.LevelName(level), zh))).Append("</td><td>").Append(WebUtility.HtmlEncode(e.Roster.ToString()))
                .Append("</td><td>").Append(Number(e.Cost)).Append("</td><td>").Append(Share(e.Mean)).Append("</td><td>").Append(Share(e.LowerBound)).Append(e.Meets ? " ✓" : "").Append("</td></tr>");
        }

        html.Append("</table></body></html>\n");
        return html.ToString();
    }

    private static void AppendCounties(StringBuilder html, IReadOnlyList<CountyStaffing> counties, IReadOnlyList<Level> levels, ReportLabels labels, bool zh)
    {
        html.Append("<h2>").Append(zh ? "选定配置（各县区）" : "Chosen roster by county").Append("</h2><p>")
            .Append(zh ? "各县（区）内各层级调解员合计、成本，以及相对按层级最优配置调整过的中心。" : "Mediators per level within each county, their cost, and the centres changed from the per-level winner.")
            .Append("</p><table><tr><th>").Append(zh ? "县（区）" : "county").Append("</th>");
        foreach (var level in levels)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(labels.LevelName(level))).Append("</th>");
        }

        html.Append("<th>").Append(zh ? "成本" : "cost").Append("</th><th>").Append(zh ? "调整的中心" : "centres changed").Append("</th></tr>");
        foreach (var county in counties)
        {
            html.Append("<tr><td>").Append(WebUtility.HtmlEncode($"{county.Name} ({county.County ?? (zh ? "市级" : "city")})")).Append("</td>");
            foreach (var level in levels)
            {
                html.Append("<td>").Append(county.Levels.FirstOrDefault(s => s.Level == level)?.Mediators.ToString(CultureInfo.InvariantCulture) ?? "").Append("</td>");
            }

            html.Append("<td>").Append(Number(county.Cost)).Append("</td><td>");
            if (county.Changed.Count > 0)
            {
                html.Append("<details><summary>").Append(county.Changed.Count).Append("</summary>")
                    .Append(WebUtility.HtmlEncode(string.Join(", ", county.Changed.Select(Change)))).Append("</details>");
            }

            html.Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static void WriteEvaluation(Utf8JsonWriter json, RosterEvaluation? evaluation)
    {
        if (evaluation is null)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartObject();
        WriteLevels(json, evaluation.Roster);
        json.WriteNumber("mediators", evaluation.Mediators);
        json.WriteNumber("cost", evaluation.Cost);
        json.WriteFiniteNumber("mean", evaluation.Mean);
        json.WriteFiniteNumber("lowerBound", evaluation.LowerBound);
        json.WriteBoolean("meets", evaluation.Meets);
        json.WriteEndObject();
    }

    /// <summary>Mediators per centre by level, and the centres staffed otherwise (when there are any).</summary>
    private static void WriteLevels(Utf8JsonWriter json, Roster roster)
    {
        json.WriteStartObject("perCentre");
        foreach (var (level, perCentre) in roster.Levels)
        {
            json.WriteNumber(LevelNames.Key(level), perCentre);
        }

        json.WriteEndObject();
        WriteCounts(json, "centres", roster.Centres);
    }

    private static void WriteCounts<T>(Utf8JsonWriter json, string name, IEnumerable<KeyValuePair<string, T>> counts)
        where T : IConvertible
    {
        if (!counts.Any())
        {
            return;
        }

        json.WriteStartObject(name);
        foreach (var (centre, count) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            json.WriteNumber(centre, count.ToDouble(CultureInfo.InvariantCulture));
        }

        json.WriteEndObject();
    }

    private static void WriteCentres(Utf8JsonWriter json, string name, RosterPart? part)
    {
        if (part is { Centres.Length: > 0 } centres)
        {
            json.WriteStartArray(name);
            foreach (var centre in centres.Centres)
            {
                json.WriteStringValue(centre);
            }

            json.WriteEndArray();
        }
    }

    private static void WriteCounties(Utf8JsonWriter json, IReadOnlyList<CountyStaffing> counties)
    {
        json.WriteStartArray("counties");
        foreach (var county in counties)
        {
            json.WriteStartObject();
            json.WriteString("county", county.County);
            json.WriteString("name", county.Name);
            json.WriteNumber("cost", county.Cost);
            json.WriteStartObject("levels");
            foreach (var level in county.Levels)
            {
                json.WriteStartObject(LevelNames.Key(level.Level));
                json.WriteNumber("centres", level.Centres);
                json.WriteNumber("mediators", level.Mediators);
                json.WriteNumber("fewest", level.Fewest);
                json.WriteNumber("most", level.Most);
                json.WriteNumber("cost", level.Cost);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteStartArray("changed");
            foreach (var change in county.Changed)
            {
                json.WriteStartObject();
                json.WriteString("centre", change.Centre);
                json.WriteString("level", LevelNames.Key(change.Level));
                json.WriteNumber("from", change.From);
                json.WriteNumber("to", change.To);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string PerCentre(LevelStaffing level) => level.Fewest == level.Most ? $"{level.Most}" : $"{level.Fewest}–{level.Most}";

    private static string Change(CentreChange change) => $"{change.Centre} {change.From}→{change.To}";

    private static string Share(double value) => double.IsFinite(value) ? value.ToString("P1", CultureInfo.InvariantCulture) : "—";

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
