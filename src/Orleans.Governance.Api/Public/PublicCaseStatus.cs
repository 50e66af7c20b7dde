using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Api.Public;

/// <summary>What anyone holding a case number may know: its type, stage and level, and when it last moved.</summary>
public sealed record PublicCaseStatus(
    string CaseNumber, CaseType? Type, CaseStatus Status, string StatusText, string StatusTextEnglish, Level Level,
    DateTimeOffset? RegisteredAt, DateTimeOffset? UpdatedAt, bool Finished)
{
    public static PublicCaseStatus Of(CaseFile file) =>
        new(file.CaseId, file.Intake?.Type, file.Status, StatusTexts.Chinese(file.Status), StatusTexts.English(file.Status), file.Level,
            file.RegisteredAt, file.Trail.Count > 0 ? file.Trail[^1].At : null, !file.IsActive);
}
