using System.Globalization;
using CsvHelper;
using Orleans.Governance.Domain.Cases;

namespace Orleans.Governance.Api.Cases;

/// <summary>A case's audit trail as CSV (RFC 4180), one row per entry; the trail carries no personal data of the parties.</summary>
public static class TrailCsv
{
    public static string Write(CaseFile file)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = new CsvWriter(text, CultureInfo.InvariantCulture);
        csv.WriteRecords(file.Trail.Select(e => new Row(
            file.CaseId, e.At.ToString("O", CultureInfo.InvariantCulture), e.Actor, e.Action.ToString(), e.UnitId, e.Level.ToString(), e.Reason,
            e.Grade?.ToString(), e.Department?.ToString(), e.MediatorId, e.Escalation?.ToString(), e.Referral?.ToString(),
            e.JudicialConfirmation, e.Satisfaction, e.JointDepartments is { Count: > 0 } joint ? string.Join(';', joint) : null)));
        return text.ToString();
    }

    private sealed record Row(
        string CaseNumber, string At, string Actor, string Action, string UnitId, string Level, string? Reason, string? Grade,
        string? Department, string? MediatorId, string? Escalation, string? Referral, bool JudicialConfirmation, int? Satisfaction,
        string? JointDepartments);
}
