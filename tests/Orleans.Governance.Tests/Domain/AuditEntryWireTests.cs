using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Tests.Support;

namespace Orleans.Governance.Tests.Domain;

/// <summary>An audit entry's optional fields are held packed in memory; stored trails keep the bytes they had when they were nullable fields.</summary>
public sealed class AuditEntryWireTests
{
    /// <summary>Entries as Orleans serialized them (as objects, in a trail) while the optional fields were nullable auto-properties: every field set, then every enum at its zero value.</summary>
    private const string WrittenWithEveryField =
        "30018162704A1F676F762E61756469742D656E747279E82080001C211C7577DE08810040230E43000000E0410F73746166663A6109031D4105753109030941037209031109031941036D0903090903050103011531018AB5BA14DF526561644F6E6C794C697374496E74657266616365436F64656360315B5B4F726C65616E732E476F7665726E616E63652E446F6D61696E2E4A7572697364696374696F6E2E4465706172746D656E744B696E642C4F726C65616E732E476F7665726E616E63652E446F6D61696E5D5D0005090301080315E0E0";

    private const string WrittenWithZeroValues =
        "30018162704A1F676F762E61756469742D656E747279E82080001C211C7577DE08810040230E43000000E0410F73746166663A6109030541057531090301C101090301090301C10109030109030101010105C101E0";

    private static readonly DateTimeOffset s_at = new(2026, 3, 1, 9, 30, 0, TimeSpan.FromHours(8));

    private static readonly AuditEntry s_everyField = new(s_at, "staff:a", CaseAction.Escalate, "u1", Level.Township)
    {
        Reason = "r",
        Grade = Grade.LongStanding,
        Department = DepartmentKind.HumanResources,
        MediatorId = "m",
        Escalation = EscalationKind.HighRiskRaise,
        Referral = ReferralTarget.Litigation,
        JudicialConfirmation = true,
        Satisfaction = 5,
        JointDepartments = [DepartmentKind.Police, DepartmentKind.Housing],
    };

    private static readonly AuditEntry s_zeroValues = new(s_at, "staff:a", CaseAction.Triage, "u1", Level.Grid)
    {
        Grade = Grade.Simple,
        Department = DepartmentKind.Police,
        Escalation = EscalationKind.Failure,
        Referral = ReferralTarget.Arbitration,
        Satisfaction = 1,
    };

    [Theory]
    [InlineData(WrittenWithEveryField, true)]
    [InlineData(WrittenWithZeroValues, false)]
    public void An_entry_is_written_as_it_was_before_its_fields_were_packed(string written, bool everyField)
    {
        Assert.Equal(written, Convert.ToHexString(DomainSerializer.Instance.SerializeToArray<object>(everyField ? s_everyField : s_zeroValues)));
    }

    [Theory]
    [InlineData(WrittenWithEveryField, true)]
    [InlineData(WrittenWithZeroValues, false)]
    public void An_entry_written_before_its_fields_were_packed_reads_back_whole(string written, bool everyField)
    {
        var read = Assert.IsType<AuditEntry>(DomainSerializer.Instance.Deserialize<object>(Convert.FromHexString(written)));
        var expected = everyField ? s_everyField : s_zeroValues;

        Assert.Equal(
            (expected.At, expected.Actor, expected.Action, expected.UnitId, expected.Level, expected.Reason, expected.Grade, expected.Department, expected.MediatorId, expected.Escalation, expected.Referral, expected.JudicialConfirmation, expected.Satisfaction),
            (read.At, read.Actor, read.Action, read.UnitId, read.Level, read.Reason, read.Grade, read.Department, read.MediatorId, read.Escalation, read.Referral, read.JudicialConfirmation, read.Satisfaction));
        Assert.Equal(expected.JointDepartments ?? [], read.JointDepartments ?? []);
    }

    [Fact]
    public void Every_value_of_a_packed_field_reads_back_as_set_and_an_unset_one_as_null()
    {
        var unset = new AuditEntry(s_at, "staff:a", CaseAction.Register, "u1", Level.Grid);
        Assert.Equal((null, null, null, null, null), (unset.Grade, unset.Department, unset.Escalation, unset.Referral, unset.Satisfaction));

        foreach (var grade in Enum.GetValues<Grade>())
        {
            Assert.Equal(grade, (unset with { Grade = grade }).Grade);
        }

        foreach (var department in Enum.GetValues<DepartmentKind>())
        {
            Assert.Equal(department, (unset with { Department = department }).Department);
        }

        foreach (var escalation in Enum.GetValues<EscalationKind>())
        {
            Assert.Equal(escalation, (unset with { Escalation = escalation }).Escalation);
        }

        foreach (var referral in Enum.GetValues<ReferralTarget>())
        {
            Assert.Equal(referral, (unset with { Referral = referral }).Referral);
        }

        for (var score = 1; score <= 5; score++)
        {
            Assert.Equal(score, (unset with { Satisfaction = score }).Satisfaction);
        }

        Assert.Null((unset with { Grade = Grade.HighRisk } with { Grade = null }).Grade);
    }
}
