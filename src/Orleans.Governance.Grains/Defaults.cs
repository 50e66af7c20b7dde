using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Grains;

internal static class Defaults
{
    /// <summary>The policy of a case no unit has admitted yet (only its refusals use it).</summary>
    public static readonly GovernancePolicy Policy = new();
}
