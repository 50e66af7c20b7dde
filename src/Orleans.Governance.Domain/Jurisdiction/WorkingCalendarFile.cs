using System.Globalization;
using System.Text.Json;

namespace Orleans.Governance.Domain.Jurisdiction;

/// <summary>
/// Reads a working calendar file (JSON, comments allowed; docs/city-format.md#working-day-deadlines):
/// <c>{ "name": …, "daysOff": ["2026-01-01", …], "weekendDaysWorked": ["2026-01-04", …] }</c>.
/// A bad file is refused as a whole, each problem naming the file and the field.
/// </summary>
public static class WorkingCalendarFile
{
    private static readonly string[] s_fields = ["name", "daysOff", "weekendDaysWorked"];

    private static readonly JsonDocumentOptions s_options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>
    /// The calendar at <paramref name="source"/> (as the policy names it), resolved against
    /// <paramref name="directory"/>; null after adding to <paramref name="problems"/> when it is refused.
    /// </summary>
    public static WorkingCalendar? Load(string source, string directory, ICollection<string> problems)
    {
        var path = Path.GetFullPath(Path.Combine(directory, source));
        if (!File.Exists(path))
        {
            problems.Add($"{source}: the calendar file does not exist (looked for {path})");
            return null;
        }

        return Parse(File.ReadAllText(path), source, problems);
    }

    public static WorkingCalendar? Parse(string json, string source, ICollection<string> problems)
    {
        var found = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(json, s_options);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                found.Add("expected a JSON object with daysOff and weekendDaysWorked");
            }
            else
            {
                var calendar = Read(document.RootElement, source, found);
                if (found.Count == 0)
                {
                    return calendar;
                }
            }
        }
        catch (JsonException e)
        {
            found.Add($"malformed JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        }

        foreach (var problem in found)
        {
            problems.Add($"{source}: {problem}");
        }

        return null;
    }

    private static WorkingCalendar Read(JsonElement root, string source, List<string> problems)
    {
        foreach (var field in root.EnumerateObject().Where(f => !s_fields.Contains(f.Name)))
        {
            problems.Add($"unknown field '{field.Name}' (expected {string.Join(", ", s_fields)})");
        }

        if (root.TryGetProperty("name", out var name) && name.ValueKind != JsonValueKind.String)
        {
            problems.Add($"name: expected text, got {name.ValueKind}");
        }

        var daysOff = Dates(root, "daysOff", problems);
        var worked = Dates(root, "weekendDaysWorked", problems);
        foreach (var (day, i) in worked.Select((d, i) => (d, i)).Where(d => d.d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)))
        {
            problems.Add($"weekendDaysWorked[{i}]: {Format(day)} is a {day.DayOfWeek} — a make-up working day is a Saturday or a Sunday");
        }

        foreach (var day in daysOff.Intersect(worked))
        {
            problems.Add($"{Format(day)} is both in daysOff and in weekendDaysWorked");
        }

        return new WorkingCalendar { Source = source, DaysOff = daysOff, WeekendDaysWorked = worked };
    }

    /// <summary>The field's dates, in order; each bad one named by its index.</summary>
    private static List<DateOnly> Dates(JsonElement root, string field, List<string> problems)
    {
        var dates = new List<DateOnly>();
        if (!root.TryGetProperty(field, out var list))
        {
            return dates;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{field}: expected a list of dates (YYYY-MM-DD), got {list.ValueKind}");
            return dates;
        }

        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? item.GetString() : item.GetRawText();
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                problems.Add($"{field}[{i}]: '{text}' is not a date — expected YYYY-MM-DD");
            }
            else if (dates.Contains(day))
            {
                problems.Add($"{field}[{i}]: {Format(day)} is listed twice");
            }
            else
            {
                dates.Add(day);
            }

            i++;
        }

        dates.Sort();
        return dates;
    }

    private static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
