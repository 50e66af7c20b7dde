using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.City;

/// <summary>
/// A city file names its policy's working calendar by file (<c>"workingCalendar": "calendars/cn-2026.json"</c>,
/// relative to the city file); reading the city reads the calendar, collecting its problems.
/// </summary>
internal sealed class WorkingCalendarReference(string directory, ICollection<string> problems) : JsonConverter<WorkingCalendar>
{
    public override WorkingCalendar? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("expected the path of a calendar file");
        }

        var found = new List<string>();
        var calendar = WorkingCalendarFile.Load(reader.GetString()!, directory, found);
        foreach (var problem in found)
        {
            problems.Add($"policy.workingCalendar: {problem}");
        }

        return calendar;
    }

    public override void Write(Utf8JsonWriter writer, WorkingCalendar value, JsonSerializerOptions options) => writer.WriteStringValue(value.Source);
}
