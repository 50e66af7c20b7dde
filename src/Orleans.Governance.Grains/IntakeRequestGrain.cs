using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Grains.Storage;

namespace Orleans.Governance.Grains;

/// <summary>
/// Makes one intake request idempotent. The case number is stored before the case is registered,
/// so a request that died half-way is finished by its retry under the same number, never
/// registered twice; the case grain answers a repeated registration with the case as it is.
/// </summary>
public sealed class IntakeRequestGrain(
    [DirectState("intake-request", StorageNames.Governance)] IPersistentState<IntakeRequestState> state) : Grain, IIntakeRequestGrain
{
    public async Task<IntakeOutcome> RegisterAsync(string fingerprint, CaseIntake intake, string actor)
    {
        if (state.State.Fingerprint is { } first && first != fingerprint)
        {
            return new IntakeOutcome(null, Created: false, KeyReused: true);
        }

        var created = state.State.CaseNumber is null;
        if (created)
        {
            state.State.Fingerprint = fingerprint;
            state.State.CaseNumber = await GrainFactory.GetUnit(intake.Unit).IssueCaseNumberAsync();
            await state.WriteStateAsync();
        }

        var receipt = await GrainFactory.GetCase(state.State.CaseNumber!).RegisterAsync(intake, actor);
        return new IntakeOutcome(receipt, created, KeyReused: false);
    }
}
