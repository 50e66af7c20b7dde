namespace Orleans.Governance.Simulation.Statistics;

/// <summary>
/// One figure as read from <typeparamref name="TScope"/>: its key there (its JSON path, e.g.
/// <c>timeToCloseDays.mean</c> within the totals), the .NET format the reports print it with (its
/// unit: <c>N0</c> a count, <c>P1</c> a share, <c>N2</c> days or a mean), its names in the reports,
/// and how to read it. <see cref="FigureTable"/> holds them all.
/// </summary>
public sealed record FigureDescriptor<TScope>(string Key, string Format, FigureLabel Label, Func<TScope, Estimate> Read)
{
    /// <summary>The same figure read from within <typeparamref name="TOuter"/> through <paramref name="scope"/>, its key under <paramref name="prefix"/>.</summary>
    public FigureDescriptor<TOuter> Within<TOuter>(string prefix, Func<TOuter, TScope> scope) => new($"{prefix}.{Key}", Format, Label, outer => Read(scope(outer)));

    public override string ToString() => Key;
}
