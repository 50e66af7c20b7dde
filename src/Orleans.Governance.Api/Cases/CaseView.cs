using Orleans.Governance.Api.Jurisdiction;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Api.Cases;

/// <summary>A case as the API shows it. <see cref="Version"/> is the ETag that actions must send in <c>If-Match</c>.</summary>
public sealed record CaseView(
    string CaseNumber,
    int Version,
    CaseStatus Status,
    Level Level,
    string? UnitId,
    string? UnitName,
    CaseType? Type,
    IntakeChannel? Channel,
    Grade? Grade,
    DepartmentKind? Department,
    string? MediatorId,
    string? Description,
    bool HighRisk,
    bool LongStanding,
    long AmountYuan,
    bool PersonalDataMasked,
    IReadOnlyList<PartyView> Parties,
    DateTimeOffset? RegisteredAt,
    CaseDeadlineView Deadlines,
    int? Satisfaction,
    IReadOnlyList<TrailEntryView> Trail)
{
    /// <summary>The case for a reader; the parties unmasked only when <paramref name="unmasked"/>.</summary>
    public static CaseView Of(CaseFile file, bool unmasked, CityDirectory directory)
    {
        var intake = file.Intake;
        var deadlines = CaseDeadlines.From(file.Trail, directory.Policy);
        return new CaseView(
            file.CaseId, file.Trail.Count, file.Status, file.Level, file.UnitId, file.UnitId is { } unit ? directory.Find(unit)?.Name : null,
            intake?.Type, intake?.Channel, file.Grade, file.Department, file.MediatorId, intake?.Description,
            intake?.HighRisk ?? false, intake?.LongStanding ?? false, intake?.AmountYuan ?? 0, !unmasked,
            [.. (intake?.Parties ?? []).Select(p => unmasked ? p : p.Masked()).Select(p => new PartyView(p.Name, p.Phone, p.IdNumber))],
            file.RegisteredAt, new CaseDeadlineView(deadlines.SignBy, deadlines.CloseBy, deadlines.EscalateBy), file.Satisfaction,
            [.. file.Trail.Select(TrailEntryView.Of)]);
    }
}
