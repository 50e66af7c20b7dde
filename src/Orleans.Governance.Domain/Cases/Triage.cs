using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.Cases;

/// <summary>三定: fixes a case's grade (hence its deadline) and its handling department.</summary>
public static class Triage
{
    public static TriageCase Decide(CaseFacts facts, UnitProfile unit)
    {
        var department = HandlingDepartment(facts.Type);
        var stationed = false;
        for (var d = 0; d < unit.Departments.Count && !stationed; d++)
        {
            stationed = unit.Departments[d].Kind == department;
        }

        return new TriageCase(unit.Id, GradeOf(facts, unit.Policy), stationed ? department : null);
    }

    public static Grade GradeOf(CaseFacts facts, GovernancePolicy policy)
    {
        if (facts.HighRisk)
        {
            return Grade.HighRisk;
        }

        if (facts.LongStanding)
        {
            return Grade.LongStanding;
        }

        if (facts.AmountYuan >= policy.ComplexAmountYuan || facts.PartyCount >= policy.ComplexPartyCount || IsComplexByNature(facts.Type))
        {
            return Grade.Complex;
        }

        return IsSimpleByNature(facts.Type) ? Grade.Simple : Grade.Normal;
    }

    /// <summary>The department whose field the dispute falls in (定部门).</summary>
    public static DepartmentKind HandlingDepartment(CaseType type) => type switch
    {
        CaseType.Labour => DepartmentKind.LabourArbitration,
        CaseType.WorkInjury or CaseType.ConstructionPayment => DepartmentKind.HumanResources,
        CaseType.TrafficAccident => DepartmentKind.Police,
        CaseType.HousingHomestead or CaseType.PropertyManagement => DepartmentKind.Housing,
        CaseType.MarriageFamily or CaseType.InvestmentPartnership or CaseType.Legal => DepartmentKind.Court,
        _ => DepartmentKind.JusticeBureau,
    };

    /// <summary>Disputes that need evidence and several parties' money: one file per case, joint handling.</summary>
    private static bool IsComplexByNature(CaseType type) =>
        type is CaseType.ConstructionPayment or CaseType.InvestmentPartnership or CaseType.WorkInjury or CaseType.LandContract;

    /// <summary>Everyday frictions a grid worker settles the same day.</summary>
    private static bool IsSimpleByNature(CaseType type) =>
        type is CaseType.Neighbour or CaseType.PropertyManagement or CaseType.MarriageFamily or CaseType.ElderSupport;
}
