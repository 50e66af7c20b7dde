using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Orleans.Governance.Grains.Storage;

/// <summary>
/// A grain's persistent state whose reads and writes call its grain storage within the grain's
/// own turn. Orleans' <c>[PersistentState]</c> queues every operation and starts it on a later
/// turn, so that a reentrant grain cannot overlap two of them: two scheduler hops per write,
/// which was a fifth of a case lifecycle on the embedded silo (a case writes on every
/// transition, its unit on every report). Our grains are not reentrant, so their operations
/// cannot overlap; one that would is refused. Failures are logged and surface as
/// <see cref="OrleansException"/>, as with Orleans' facet. The state is loaded at activation.
/// </summary>
public sealed partial class DirectPersistentState<TState>(string stateName, GrainId grainId, IGrainStorage storage, TState initial, ILogger logger)
    : IPersistentState<TState>, ILifecycleObserver
{
    private readonly GrainState<TState> _state = new(initial);
    private Task _inFlight = Task.CompletedTask;

    private enum Operation
    {
        Read,
        Write,
        Clear,
    }

    public TState State
    {
        get => _state.State!;
        set => _state.State = value;
    }

    public string? Etag => _state.ETag;

    public bool RecordExists => _state.RecordExists;

    public Task ReadStateAsync() => Run(Operation.Read);

    public Task WriteStateAsync() => Run(Operation.Write);

    public Task ClearStateAsync() => Run(Operation.Clear);

    Task ILifecycleObserver.OnStart(CancellationToken cancellationToken) => ReadStateAsync();

    Task ILifecycleObserver.OnStop(CancellationToken cancellationToken) => Task.CompletedTask;

    private Task Run(Operation operation)
    {
        if (!_inFlight.IsCompleted)
        {
            throw new InvalidOperationException(
                $"A {operation} of state '{stateName}' of {grainId} began while another was in flight; direct state is for grains that are not reentrant.");
        }

        Task task;
        try
        {
            task = operation switch
            {
                Operation.Read => storage.ReadStateAsync(stateName, grainId, _state),
                Operation.Write => storage.WriteStateAsync(stateName, grainId, _state),
                _ => storage.ClearStateAsync(stateName, grainId, _state),
            };
        }
        catch (Exception exception)
        {
            task = Task.FromException(exception);
        }

        // A storage that completes at once (the embedded one) costs no continuation at all.
        return _inFlight = task.IsCompletedSuccessfully ? Task.CompletedTask : CompleteAsync(task, operation);
    }

    private async Task CompleteAsync(Task task, Operation operation)
    {
        try
        {
            await task;
        }
        catch (InconsistentStateException exception)
        {
            LogStale(logger, exception, operation, stateName, grainId);
            throw;
        }
        catch (Exception exception)
        {
            LogFailed(logger, exception, operation, stateName, grainId);
            if (exception is OrleansException)
            {
                throw;
            }

            throw new OrleansException($"{operation} of state '{stateName}' of {grainId} failed: {exception.Message}", exception);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "{Operation} of state {StateName} of {GrainId} refused: the store holds another version")]
    private static partial void LogStale(ILogger logger, Exception exception, Operation operation, string stateName, GrainId grainId);

    [LoggerMessage(2, LogLevel.Error, "{Operation} of state {StateName} of {GrainId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Operation operation, string stateName, GrainId grainId);
}
