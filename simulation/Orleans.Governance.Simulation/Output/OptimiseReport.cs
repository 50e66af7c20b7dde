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
            foreach (var (level, perCentre) in chosen.Roster.Levels)
            {
                var centres = search.Centres[level];
                table.AddRow(labels.LevelName(level), $"{centres}", $"{perCentre}", $"{perCentre * centres}", Number(perCentre * centres * search.Goal.Costs.Of(level)));
            }

            console.Write(table);
        }

        console.WriteLine(Verdict(search));
    }

    public static string Verdict(RosterSearchResult search, bool chinese = false)
    {
        var goal = search.Goal;
        var (target, confidence) = (Share(goal.Target), Share(goal.Confidence));
        var aim = chinese ? $"{goal.Objective} ≥ {target}（置信度 {confidence}）" : $"{goal.Objective} ≥ {target} with {confidence} confidence";
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
            json.WriteStartObject("costPerMediator");
            foreach (var level in search.Centres.Keys)
            {
                json.WriteNumber(LevelNames.Key(level), goal.Costs.Of(level));
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteNumber("runs", search.Runs);
            json.WritePropertyName("chosen");
            WriteEvaluation(json, search.Chosen);
            if (search.Shortfall is { } why)
            {
                json.WriteString("shortfall", why);
            }

            json.WriteStartArray("path");
            foreach (var step in search.Path)
            {
                json.WriteStartObject();
                json.WriteString("move", step.Move.ToString());
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
        var zh = labels.Lang == "zh-CN";
        var title = zh ? "最低成本调解员配置" : "Cheapest mediator roster";
        var svg = Charts.Frontier(
            $"{scenarioName}: {(zh ? "成本与目标指标" : "cost and objective")}",
            zh ? "成本（每名调解员按层级计价）" : "cost (per mediator, by level)",
            labels.FigureName(search.Goal.Objective.Label),
            zh ? "搜索路径" : "search path", zh ? "前沿" : "frontier", zh ? "选定配置" : "chosen roster",
            [.. search.Evaluated.Select(e => (e.Cost, e.Mean))], [.. search.Path.Select(s => (s.Evaluation.Cost, s.Evaluation.Mean))],
            search.Chosen is { } c ? (c.Cost, c.Mean) : null, search.Goal.Target);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(labels.Lang).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode($"{scenarioName} — {title}")).Append("</title>")
            .Append("<style>body{font-family:'Noto Sans CJK SC',sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}td:first-child,th:first-child{text-align:left}</style></head><body>")
            .Append("<h1>").Append(WebUtility.HtmlEncode($"{scenarioName} — {title}")).Append("</h1>")
            .Append("<p>").Append(WebUtility.HtmlEncode(Verdict(search, zh))).Append("</p>")
            .Append(svg);
        if (search.Chosen is { } chosen)
        {
            html.Append("<h2>").Append(zh ? "选定配置（各层级）" : "Chosen roster by level").Append("</h2><table><tr><th>")
                .Append(zh ? "层级" : "level").Append("</th><th>").Append(zh ? "中心数" : "centres").Append("</th><th>")
                .Append(zh ? "每中心调解员" : "per centre").Append("</th><th>").Append(zh ? "调解员合计" : "mediators").Append("</th><th>")
                .Append(zh ? "成本" : "cost").Append("</th></tr>");
            foreach (var (level, perCentre) in chosen.Roster.Levels)
            {
                var centres = search.Centres[level];
                html.Append("<tr><td>").Append(WebUtility.HtmlEncode(labels.LevelName(level))).Append("</td><td>").Append(centres).Append("</td><td>").Append(perCentre)
                    .Append("</td><td>").Append(perCentre * centres).Append("</td><td>").Append(Number(perCentre * centres * search.Goal.Costs.Of(level))).Append("</td></tr>");
            }

            html.Append("</table>");
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

    private static void WriteEvaluation(Utf8JsonWriter json, RosterEvaluation? evaluation)
    {
        if (evaluation is null)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartObject();
        json.WriteStartObject("perCentre");
        foreach (var (level, perCentre) in evaluation.Roster.Levels)
        {
            json.WriteNumber(LevelNames.Key(level), perCentre);
        }

        json.WriteEndObject();
        json.WriteNumber("mediators", evaluation.Mediators);
        json.WriteNumber("cost", evaluation.Cost);
        json.WriteFiniteNumber("mean", evaluation.Mean);
        json.WriteFiniteNumber("lowerBound", evaluation.LowerBound);
        json.WriteBoolean("meets", evaluation.Meets);
        json.WriteEndObject();
    }

    private static string Share(double value) => double.IsFinite(value) ? value.ToString("P1", CultureInfo.InvariantCulture) : "—";

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
