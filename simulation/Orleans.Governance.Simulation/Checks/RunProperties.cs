namespace Orleans.Governance.Simulation.Checks;

/// <summary>The whole-run properties that <c>check</c> and the tests run, in order (docs/properties.md).</summary>
public static class RunProperties
{
    public static IReadOnlyList<RunProperty> All { get; } =
    [
        Of("conservation", "Per level and in total, every case admitted is resolved, referred, escalated out or still active there, and the units, the city's figures, the case files and the engine agree on each count.", RunInvariants.Conservation),
        Of("acknowledged-set", "Every case the run registered is found in its own case grain, registered once, and the units took in exactly those cases: none lost, none duplicated, none invented.", RunInvariants.AcknowledgedSet),
        Of("single-desk", "At the horizon every case not yet closed is held by exactly one unit's desk, the one its file and the engine name, with the same status.", RunInvariants.SingleDesk),
        Of("roll-up", "Every centre's roll-up and the city's figures equal the sum of the own figures of the units they cover.", RunInvariants.RollUp),
        Of("littles-law", "Per level, the reported mean queue plus busy mediators equals arrivals per day times the mean time a case spent queued or in mediation there (L = λW over the run).", RunInvariants.LittlesLaw),
        new("same-seed-same-json", "The same scenario and seed give byte-identical JSON, run on a fresh host.", async (checker, variation, cancellationToken) =>
            RunInvariants.SameJson(await checker.ObserveAsync(variation, cancellationToken: cancellationToken), await checker.ObserveAsync(variation, again: true, cancellationToken))),
        new("both-hosts", "The kernel host and the production grains give byte-identical JSON, the same trail for every case and the same desk and figures at every unit.", async (checker, variation, cancellationToken) =>
            RunInvariants.SameOnBothHosts(await checker.ObserveAsync(variation, cancellationToken: cancellationToken), await checker.ObserveOnOtherHostAsync(variation, cancellationToken))),
    ];

    private static RunProperty Of(string name, string guarantee, Func<RunObservation, string?> invariant) =>
        new(name, guarantee, async (checker, variation, cancellationToken) => invariant(await checker.ObserveAsync(variation, cancellationToken: cancellationToken)));
}
