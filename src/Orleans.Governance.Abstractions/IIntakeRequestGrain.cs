using Orleans.Governance.Domain.Cases;

namespace Orleans.Governance.Abstractions;

/// <summary>
/// One idempotent intake request: the first registers a case under a new case number, repeats
/// with the same fingerprint get that case again, a different fingerprint is refused.
/// Key: the caller's id and their <c>Idempotency-Key</c>. Requests with one key run one at a
/// time (the grain is not reentrant), so concurrent retries create one case.
/// </summary>
[Alias("gov.intake-request")]
public interface IIntakeRequestGrain : IGrainWithStringKey
{
    /// <summary>Registers the intake once; <paramref name="fingerprint"/> identifies the request's content.</summary>
    [Alias("register")]
    Task<IntakeOutcome> RegisterAsync(string fingerprint, CaseIntake intake, string actor);
}
