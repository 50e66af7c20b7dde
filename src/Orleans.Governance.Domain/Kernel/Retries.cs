using Orleans.Governance.Domain.Cases;

namespace Orleans.Governance.Domain.Kernel;

/// <summary>Recognises a client's retry of a command that was already applied.</summary>
internal static class Retries
{
    /// <summary>
    /// The entry a repeated command already produced: the actor's own latest entry, when it
    /// records the same action. Sessions are legitimately repeated and never count as retries.
    /// </summary>
    public static AuditEntry? LastEntryRepeatedBy(CaseFile file, CaseCommand command)
    {
        if (command.Action == CaseAction.HoldSession)
        {
            return null;
        }

        for (var i = file.Trail.Count - 1; i >= 0; i--)
        {
            if (file.Trail[i].Actor == command.Actor)
            {
                return file.Trail[i].Action == command.Action ? file.Trail[i] : null;
            }
        }

        return null;
    }

    /// <summary>
    /// The unit may have missed the report of <paramref name="entry"/> only while nothing has
    /// happened to the case since: once a later transition was reported, re-sending an older one
    /// would make the unit count it again.
    /// </summary>
    public static bool IsLatestTransition(CaseFile file, AuditEntry entry)
    {
        for (var i = file.Trail.Count - 1; i >= 0; i--)
        {
            if (file.Trail[i].Action is not (CaseAction.WarnUnsigned or CaseAction.Supervise))
            {
                return ReferenceEquals(file.Trail[i], entry);
            }
        }

        return false;
    }

    public static bool SameIntake(CaseIntake? stored, CaseIntake intake) =>
        stored is not null && stored.Unit == intake.Unit && stored.Channel == intake.Channel && stored.Type == intake.Type
        && stored.Description == intake.Description && stored.HighRisk == intake.HighRisk && stored.LongStanding == intake.LongStanding
        && stored.AmountYuan == intake.AmountYuan && stored.Parties.SequenceEqual(intake.Parties);
}
