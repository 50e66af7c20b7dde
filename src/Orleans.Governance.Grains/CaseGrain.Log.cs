using Microsoft.Extensions.Logging;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Grains;

// Case ids, units, types and states only: the parties' personal data never reaches a log.
public sealed partial class CaseGrain
{
    [LoggerMessage(1, LogLevel.Debug, "Case {CaseId} registered via {Channel} as {CaseType} at {UnitId}: {Status}")]
    private static partial void LogRegistered(ILogger logger, string caseId, IntakeChannel channel, CaseType caseType, string? unitId, CaseStatus status);

    [LoggerMessage(2, LogLevel.Debug, "Case {CaseId} refused {Action} in status {Status}")]
    private static partial void LogRefused(ILogger logger, string caseId, CaseStatus status, CaseAction action);

    [LoggerMessage(3, LogLevel.Debug, "Case {CaseId} escalated ({Kind}) from {FromLevel} to {ToLevel} {ToUnitId}")]
    private static partial void LogEscalated(ILogger logger, string caseId, EscalationKind kind, Level fromLevel, Level toLevel, string toUnitId);

    [LoggerMessage(4, LogLevel.Debug, "Case {CaseId} ignored a stale or repeated message from unit {UnitId}: {Reason}")]
    private static partial void LogUnitMessageRefused(ILogger logger, string caseId, string unitId, string reason);

    [LoggerMessage(5, LogLevel.Warning, "Case {CaseId} was never stored, yet unit {UnitId} holds it (its registration failed and was not retried): the unit lets it go")]
    private static partial void LogForgotten(ILogger logger, string caseId, string unitId);
}
