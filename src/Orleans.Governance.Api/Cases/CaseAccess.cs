using Orleans.Governance.Abstractions;
using Orleans.Governance.Api.Identity;
using Orleans.Governance.Api.Jurisdiction;
using Orleans.Governance.Domain.Access;
using Orleans.Governance.Domain.Cases;

namespace Orleans.Governance.Api.Cases;

/// <summary>
/// The one way the API reads a case for a person: the jurisdiction rule decides whether it
/// exists for them, the masking rule what they see, and every unmasked read is logged first.
/// </summary>
public sealed class CaseAccess(IGrainFactory grains, CityDirectory directory, TimeProvider clock)
{
    /// <summary>Case numbers are at most this long; longer is no case.</summary>
    public const int MaxCaseNumberLength = 128;

    /// <summary>The case, or null when it does not exist or lies outside the user's jurisdiction (both are "not found").</summary>
    public async Task<CaseFile?> FindAsync(GovernanceUser user, string caseNumber)
    {
        var file = await FindAnyAsync(caseNumber);
        return file is not null && directory.Covers(user, file) ? file : null;
    }

    /// <summary>The case whoever asks, or null when there is none (the public lookup shows it without personal data).</summary>
    public async Task<CaseFile?> FindAnyAsync(string caseNumber)
    {
        // A number no unit of this city could have issued is answered without activating a case grain.
        if (caseNumber.Length > MaxCaseNumberLength || !CaseNumber.TryParse(caseNumber, out var unitId, out _, out _) || directory.Find(unitId) is null)
        {
            return null;
        }

        var file = await grains.GetCase(caseNumber).GetAsync();
        return file.Status == CaseStatus.New ? null : file;
    }

    /// <summary>The view of <paramref name="file"/> this user may see.</summary>
    public async Task<CaseView> ViewAsync(GovernanceUser user, CaseFile file, string purpose)
    {
        var unmasked = JurisdictionRule.MaySeePersonalData(user.Role, user.UnitId, file);
        if (unmasked)
        {
            await grains.GetGrain<ICaseAccessLogGrain>(file.CaseId).RecordAsync(new AccessRecord(clock.GetUtcNow(), user.Id, user.Role, user.UnitId, purpose));
        }

        return CaseView.Of(file, unmasked, directory);
    }
}
