namespace Orleans.Governance.Abstractions;

/// <summary>
/// The requests one third-party system filed through Open311 in one month (China Standard Time),
/// so that the system can list its requests by date. Key: <see cref="Open311Index.Key"/>. Called
/// once per filing by the façade, never by cases; a month bounds the state each write stores.
/// </summary>
[Alias("gov.open311-index")]
public interface IOpen311IndexGrain : IGrainWithStringKey
{
    /// <summary>Records a filing (again: replaced); stored before it returns.</summary>
    [Alias("record")]
    Task RecordAsync(Open311Filing filing);

    /// <summary>The filing of <paramref name="caseNumber"/>, or null when this system did not file it this month.</summary>
    [Alias("find")]
    Task<Open311Filing?> FindAsync(string caseNumber);

    /// <summary>Filings from <paramref name="from"/> to <paramref name="to"/> inclusive, newest first.</summary>
    [Alias("list")]
    Task<IReadOnlyList<Open311Filing>> ListAsync(DateTimeOffset from, DateTimeOffset to);
}
