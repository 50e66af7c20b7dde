using FsCheck;
using FsCheck.Fluent;

namespace Orleans.Governance.Tests.Properties;

/// <summary>
/// How many cases each property tries. CI runs the defaults (bounded, about a minute in all);
/// a soak raises them all with <c>GOV_PROPERTY_MAX_TEST</c> (e.g. 2000), never below the default.
/// </summary>
public static class PropertyRuns
{
    public const string MaxTestVariable = "GOV_PROPERTY_MAX_TEST";

    /// <summary>The number of tests for a property whose CI default is <paramref name="ciDefault"/>.</summary>
    public static int MaxTest(int ciDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable(MaxTestVariable), out var soak) && soak > ciDefault ? soak : ciDefault;

    /// <summary>Throws on failure with the original and the shrunk counterexample in the message.</summary>
    public static Config Config(int ciDefault, int endSize = 100) =>
        FsCheck.Config.QuickThrowOnFailure.WithMaxTest(MaxTest(ciDefault)).WithEndSize(endSize).WithQuietOnSuccess(true);

    /// <summary>Checks <paramref name="property"/>; the exception FsCheck throws names the shrunk counterexample.</summary>
    public static void Check(Property property, int ciDefault, int endSize = 100) =>
        FsCheck.Check.One(Config(ciDefault, endSize), property);
}
