using Orleans.Governance.Simulation.Output;
using Spectre.Console;

namespace Orleans.Governance.Simulation.Checks;

/// <summary>
/// Progress of a check: one live Spectre.Console bar per property on an interactive terminal;
/// otherwise (redirected output, CI=true) one plain line per test and per shrink step.
/// </summary>
public sealed class ConsoleCheckProgress(IAnsiConsole console) : ICheckProgress
{
    private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);
    private ProgressContext? _context;

    /// <summary>Runs <paramref name="work"/> under live bars when the console is interactive.</summary>
    public Task<T> RunAsync<T>(Func<Task<T>> work) => ConsoleProgress.WithBarsAsync(console, context =>
    {
        _context = context;
        return work();
    });

    public void Started(RunProperty property, int maxTests)
    {
        if (_context is { } context)
        {
            _tasks[property.Name] = context.AddTask(Markup.Escape(property.Name), maxValue: maxTests);
        }
    }

    public void Tested(RunProperty property, int test, ScenarioVariation variation)
    {
        if (_tasks.TryGetValue(property.Name, out var task))
        {
            task.Description = Markup.Escape($"{property.Name} · test {test + 1} · {variation.HorizonDays} d");
            task.Value = test;
            return;
        }

        console.WriteLine($"{property.Name}: test {test + 1} — {variation}");
    }

    public void Shrinking(RunProperty property, ScenarioVariation variation)
    {
        if (_tasks.TryGetValue(property.Name, out var task))
        {
            task.Description = Markup.Escape($"{property.Name} · shrinking · {variation.HorizonDays} d");
            return;
        }

        console.WriteLine($"{property.Name}: still fails, shrinking — {variation}");
    }

    public void Finished(PropertyOutcome outcome)
    {
        if (_tasks.TryGetValue(outcome.Property.Name, out var task))
        {
            task.Description = Markup.Escape($"{outcome.Property.Name} · {(outcome.Passed ? "passed" : "FAILED")}");
            task.Value = task.MaxValue;
        }
    }
}
