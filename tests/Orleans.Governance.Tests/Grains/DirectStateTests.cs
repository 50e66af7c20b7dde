using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Governance.Domain.Kernel;
using Orleans.Governance.Grains.Storage;
using Orleans.Governance.Grains;
using Orleans.Serialization;
using Orleans.Storage;

namespace Orleans.Governance.Tests.Grains;

/// <summary>
/// The grains' persistent state calls the storage in the grain's turn; what Orleans' facet's
/// queue guarded against (overlapping operations) is refused instead, and failures surface as
/// Orleans' facet surfaces them.
/// </summary>
public sealed class DirectStateTests
{
    private static readonly GrainId s_case = GrainId.Create("case", "c-1");

    private readonly HeldStorage _storage = new();

    [Fact]
    public async Task Reads_and_writes_reach_the_storage_with_the_state_and_its_etag()
    {
        var state = Direct();

        await state.ReadStateAsync();
        state.State.Policy = new() { SimpleDays = 2 };
        await state.WriteStateAsync();

        Assert.Equal(["read", "write"], _storage.Calls);
        Assert.Equal(2.0, _storage.Stored!.Policy!.SimpleDays);
        Assert.Equal("1", state.Etag);
        Assert.True(state.RecordExists);
    }

    [Fact]
    public async Task An_operation_begun_while_another_is_in_flight_is_refused_and_reaches_no_storage()
    {
        var state = Direct();
        _storage.Hold();
        var first = state.WriteStateAsync();

        var overlapping = Assert.Throws<InvalidOperationException>(() => { _ = state.WriteStateAsync(); });
        Assert.Contains("state 'case'", overlapping.Message);
        Assert.Equal(["write"], _storage.Calls);

        _storage.Release();
        await first;
        await state.WriteStateAsync();
        Assert.Equal(["write", "write"], _storage.Calls);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_failing_storage_surfaces_as_an_orleans_exception_carrying_the_cause(bool thrown)
    {
        var state = Direct();
        _storage.FailWith(new IOException("connection reset"), thrown);

        var failure = await Assert.ThrowsAsync<OrleansException>(state.WriteStateAsync);

        Assert.IsType<IOException>(failure.InnerException);
        Assert.Contains("Write of state 'case'", failure.Message);
        await state.WriteStateAsync(); // a failed operation does not block the next
    }

    [Fact]
    public async Task A_stale_write_surfaces_unwrapped_so_callers_can_tell_it_apart()
    {
        var state = Direct();
        _storage.FailWith(new InconsistentStateException("stale", "2", "1"), thrown: false);

        await Assert.ThrowsAsync<InconsistentStateException>(state.WriteStateAsync);
    }

    [Fact]
    public void The_mapper_refuses_a_parameter_that_is_not_a_persistent_state()
    {
        var parameter = typeof(DirectStateTests).GetMethod(nameof(WrongParameter), BindingFlags.NonPublic | BindingFlags.Static)!.GetParameters()[0];

        var error = Assert.Throws<ArgumentException>(() => Mapper().GetFactory(parameter, new DirectStateAttribute("case", "governance")));

        Assert.Contains("'state'", error.Message);
    }

    [Fact]
    public void The_mapper_names_a_storage_that_is_not_registered()
    {
        var parameter = typeof(DirectStateTests).GetMethod(nameof(RightParameter), BindingFlags.NonPublic | BindingFlags.Static)!.GetParameters()[0];

        var error = Assert.Throws<BadProviderConfigException>(() => Mapper().GetFactory(parameter, new DirectStateAttribute("case", "nowhere")));

        Assert.Contains("'nowhere'", error.Message);
    }

    private static void WrongParameter(CaseState state) => _ = state;

    private static void RightParameter(IPersistentState<CaseState> state) => _ = state;

    private static DirectStateAttributeMapper Mapper() => ActivatorUtilities.CreateInstance<DirectStateAttributeMapper>(
        new ServiceCollection().AddLogging().AddSerializer().BuildServiceProvider());

    private DirectPersistentState<CaseState> Direct() => new("case", s_case, _storage, new CaseState(), NullLogger.Instance);

    /// <summary>A storage whose answers the test controls: held until released, or failing (thrown, or as a faulted task).</summary>
    private sealed class HeldStorage : IGrainStorage
    {
        private TaskCompletionSource? _held;
        private (Exception Error, bool Thrown)? _failure;

        public List<string> Calls { get; } = [];

        public CaseState? Stored { get; private set; }

        public void Hold() => _held = new TaskCompletionSource();

        public void Release() => _held!.SetResult();

        public void FailWith(Exception error, bool thrown) => _failure = (error, thrown);

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            Calls.Add("read");
            return Task.CompletedTask;
        }

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            Calls.Add("write");
            if (_failure is { } failure)
            {
                _failure = null;
                return failure.Thrown ? throw failure.Error : Task.FromException(failure.Error);
            }

            Stored = grainState.State as CaseState;
            grainState.ETag = "1";
            grainState.RecordExists = true;
            return _held?.Task ?? Task.CompletedTask;
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => throw new NotSupportedException();
    }
}
