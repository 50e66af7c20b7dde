using Orleans.Governance.Domain.Cases;

namespace Orleans.Governance.Domain.Warnings;

/// <summary>
/// Told of each change a <see cref="DailyLedger"/> makes to its arrivals and its first day, as
/// it makes it: what lets the one host that sums every unit's ledger keep its sums up to date
/// without reading the ledgers again.
/// </summary>
public interface ILedgerObserver
{
    /// <summary>The arrivals of <paramref name="type"/> on <paramref name="day"/> moved by <paramref name="change"/> (negative when a day is dropped).</summary>
    void ArrivalsChanged(DateOnly day, CaseType type, int change);

    /// <summary>The ledger's <see cref="DailyLedger.Since"/> moved back to <paramref name="since"/>.</summary>
    void SinceMoved(DateOnly since);
}
