using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Kernel;
using Orleans.Governance.Grains;

namespace Orleans.Governance.Tests.Grains;

/// <summary>
/// The grains decide nothing: every rule runs in the kernel's handlers, so the simulator's kernel
/// host runs the same decisions. Read from the grains assembly's own metadata: every method it
/// calls in another assembly is listed there, so a grain calling a rule directly cannot hide.
/// </summary>
public sealed class KernelBoundaryTests
{
    /// <summary>The rules, and the only members of them the grains may touch (the desk's read-only views).</summary>
    private static readonly Dictionary<string, string[]> s_rules = new(StringComparer.Ordinal)
    {
        [nameof(CaseLifecycle)] = [],
        [nameof(EscalationPath)] = [],
        [nameof(Triage)] = [],
        [nameof(CaseDeadlines)] = [],
        [nameof(CaseNumberSequence)] = [],
        ["DailyLedger"] = [],
        ["EarlyWarningRule"] = [],
        [nameof(UnitDesk)] = [nameof(UnitDesk.Figures), nameof(UnitDesk.Worklist), "get_" + nameof(UnitDesk.Profile)],
    };

    [Fact]
    public void The_grains_call_no_rule_of_the_lifecycle_escalation_triage_deadlines_or_desk()
    {
        var calls = MembersCalledIn(typeof(CaseGrain).Assembly.Location).ToList();
        var violations = calls
            .Where(c => s_rules.TryGetValue(c.Type, out var allowed) && !allowed.Contains(c.Member, StringComparer.Ordinal))
            .Select(c => $"{c.Type}.{c.Member}")
            .Distinct()
            .ToList();

        Assert.Contains(calls, c => c.Type == nameof(CaseHandler));
        Assert.Contains(calls, c => c.Type == nameof(UnitHandler));
        Assert.True(violations.Count == 0, $"the grains call rules directly instead of through the kernel: {string.Join(", ", violations)}");
    }

    /// <summary>(type, member) of every member the assembly references in other assemblies.</summary>
    private static IEnumerable<(string Type, string Member)> MembersCalledIn(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            if (member.Parent.Kind == HandleKind.TypeReference)
            {
                var type = metadata.GetTypeReference((TypeReferenceHandle)member.Parent);
                yield return (metadata.GetString(type.Name), metadata.GetString(member.Name));
            }
        }
    }
}
