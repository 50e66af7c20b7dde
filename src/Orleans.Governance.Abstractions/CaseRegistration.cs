using Orleans.Governance.Domain.Cases;

namespace Orleans.Governance.Abstractions;

/// <summary>Registering a new case: the receiving unit issues its number, the case grain of that number registers it.</summary>
public static class CaseRegistration
{
    public static async Task<CaseReceipt> RegisterNewAsync(this IGrainFactory grains, CaseIntake intake, string actor)
    {
        var number = await grains.GetUnit(intake.Unit).IssueCaseNumberAsync();
        return await grains.GetCase(number).RegisterAsync(intake, actor);
    }
}
