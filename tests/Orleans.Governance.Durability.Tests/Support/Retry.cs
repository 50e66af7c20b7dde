namespace Orleans.Governance.Durability.Tests.Support;

/// <summary>
/// The client's retry policy through a silo's death or a database restart: every call of the
/// load is idempotent (cases recognise a repeated command), so a failed call is simply repeated.
/// </summary>
public static class Retry
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(120);

    public static async Task<T> RunAsync<T>(Func<Task<T>> call, Action<Exception>? onRetry = null)
    {
        var deadline = DateTime.UtcNow + Budget;
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (DateTime.UtcNow < deadline)
            {
                onRetry?.Invoke(e);
                await Task.Delay(delay);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2_000));
            }
        }
    }
}
