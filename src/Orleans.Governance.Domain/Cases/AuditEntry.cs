using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.Cases;

/// <summary>
/// One line of a case's append-only audit trail: who did what, when, where and why. Flat rather
/// than polymorphic so that it stores as plain JSON and exports as one CSV row; the optional
/// fields are set only by the actions they belong to.
/// </summary>
[GenerateSerializer, Immutable, Alias("gov.audit-entry")]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] CaseAction Action,
    [property: Id(3)] string UnitId,
    [property: Id(4)] Level Level)
{
    /// <summary>Why, in the actor's words (failure reason, note, escalation cause).</summary>
    [Id(5)] public string? Reason { get; init; }

    /// <summary>Triage: the grade fixed (定时限 follows from it).</summary>
    [JsonInclude, Id(6)] public Grade? Grade { get => Unpack<Grade>(_grade); internal set => _grade = Pack(value); }

    /// <summary>Triage: the handling department (定部门), when one is stationed here.</summary>
    [JsonInclude, Id(7)] public DepartmentKind? Department { get => Unpack<DepartmentKind>(_department); internal set => _department = Pack(value); }

    /// <summary>Assign: the mediator given the task.</summary>
    [Id(8)] public string? MediatorId { get; init; }

    /// <summary>Escalate: why the case went up.</summary>
    [JsonInclude, Id(9)] public EscalationKind? Escalation { get => Unpack<EscalationKind>(_escalation); internal set => _escalation = Pack(value); }

    /// <summary>Refer: arbitration or litigation.</summary>
    [JsonInclude, Id(10)] public ReferralTarget? Referral { get => Unpack<ReferralTarget>(_referral); internal set => _referral = Pack(value); }

    /// <summary>Resolve: the agreement was judicially confirmed (司法确认).</summary>
    [Id(11)] public bool JudicialConfirmation { get; init; }

    /// <summary>Follow-up: satisfaction from 1 (very dissatisfied) to 5 (very satisfied).</summary>
    [JsonInclude, Id(12)] public int? Satisfaction { get => _satisfaction == 0 ? null : _satisfaction - 1; internal set => _satisfaction = value is { } score ? checked((byte)(score + 1)) : (byte)0; }

    /// <summary>Session: departments that joined it (六调联动).</summary>
    [Id(13)] public IReadOnlyList<DepartmentKind>? JointDepartments { get; init; }

    // The optional small fields take a byte each, 0 for "not set", where a nullable enum or int
    // takes 8 (128 bytes an entry, now 88): an open case holds a dozen entries, and in the
    // simulator they were the largest part of what each collection copied. Set only while the
    // lifecycle writes the entry (a setter, not init, because Orleans' serializer must reach it,
    // and System.Text.Json with JsonInclude).
    [NonSerialized] private byte _grade;
    [NonSerialized] private byte _department;
    [NonSerialized] private byte _escalation;
    [NonSerialized] private byte _referral;
    [NonSerialized] private byte _satisfaction;

    // The packed enums are ints underneath, read as such without boxing.
    private static byte Pack<T>(T? value)
        where T : struct, Enum => value is { } set ? checked((byte)(Unsafe.As<T, int>(ref set) + 1)) : (byte)0;

    private static T? Unpack<T>(byte packed)
        where T : struct, Enum
    {
        if (packed == 0)
        {
            return null;
        }

        var value = packed - 1;
        return Unsafe.As<int, T>(ref value);
    }
}
