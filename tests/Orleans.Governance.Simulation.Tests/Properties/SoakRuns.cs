using System.Security.Cryptography;

namespace Orleans.Governance.Simulation.Tests.Properties;

/// <summary>
/// How many variations each whole-run property tries: a few in CI (a run is a silo and a
/// simulation, about a quarter of a second); <c>GOV_PROPERTY_MAX_TEST</c> raises them for a soak,
/// never below the default (as in Orleans.Governance.Tests' PropertyRuns), and <c>GOV_PROPERTY_SEED</c> replays a failure.
/// </summary>
public static class SoakRuns
{
    public const string MaxTestVariable = "GOV_PROPERTY_MAX_TEST";

    public const string SeedVariable = "GOV_PROPERTY_SEED";

    public static int MaxTest(int ciDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable(MaxTestVariable), out var soak) && soak > ciDefault ? soak : ciDefault;

    /// <summary>The FsCheck seed: <c>GOV_PROPERTY_SEED</c> replays a failure; otherwise a fresh one each run.</summary>
    public static ulong Seed() =>
        ulong.TryParse(Environment.GetEnvironmentVariable(SeedVariable), out var seed) ? seed : BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
}
