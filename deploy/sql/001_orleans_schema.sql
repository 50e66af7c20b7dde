-- 001_orleans_schema.sql
-- Orleans.Governance: PostgreSQL schema for the Orleans ADO.NET providers
-- (clustering, grain persistence, reminders), Orleans 10.4.2, invariant "Npgsql".
--
-- Written for this project from the providers' C# contract (query keys, parameter
-- names, result column names); it is not derived from upstream's SQL scripts.
--
-- Contract in short (see docs/postgresql.md for the details):
--   * Orleans loads its SQL from the table OrleansQuery (columns QueryKey, QueryText)
--     and runs it with named parameters (@DeploymentId, @GrainIdHash, ...).
--   * Result columns are read by NAME (quoted aliases below match the C# names exactly),
--     except the single-value results (boolean "did it work" and ClearStorage's version),
--     which are read by position 0.
--   * Timestamps: Orleans passes UTC DateTime values; we store timestamptz.
--   * Versions / ETags are int4 counters, returned as a column; "no row" means
--     "your version was stale" (Orleans then raises InconsistentStateException
--     or reports the membership write as failed).
--
-- Applied by deploy/postgres/apply-schema.sh inside one transaction; recorded in
-- schema_version. Written to be re-runnable anyway (IF NOT EXISTS / ON CONFLICT).

------------------------------------------------------------------------------
-- The query catalogue read by every ADO.NET provider.
-- (Unquoted identifiers: PostgreSQL folds them to orleansquery/querykey/querytext,
-- which is what Orleans' unquoted "SELECT QueryKey, QueryText FROM OrleansQuery" hits.)
------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

------------------------------------------------------------------------------
-- Clustering (membership)
------------------------------------------------------------------------------
-- One row per cluster: the membership table version (Orleans' TableVersion / etag).
-- Every membership insert/update must present the current version and bumps it.
CREATE TABLE IF NOT EXISTS orleans_membership_version
(
    cluster_id  varchar(150) NOT NULL PRIMARY KEY,
    version     integer      NOT NULL DEFAULT 0,
    updated_at  timestamptz  NOT NULL DEFAULT now()
);

-- One row per silo incarnation (address + port + generation).
CREATE TABLE IF NOT EXISTS orleans_membership
(
    cluster_id       varchar(150) NOT NULL
                     REFERENCES orleans_membership_version (cluster_id) ON DELETE CASCADE,
    address          varchar(45)  NOT NULL,   -- IPv4/IPv6 text, read back as a string
    port             integer      NOT NULL,
    generation       integer      NOT NULL,
    silo_name        varchar(150) NOT NULL,
    host_name        varchar(150) NOT NULL,
    status           integer      NOT NULL,   -- Orleans SiloStatus: 3 = Active, 6 = Dead
    proxy_port       integer      NULL,       -- gateway port; 0 when the silo is no gateway
    suspect_times    text         NULL,       -- "silo,time|silo,time" as Orleans formats it
    start_time       timestamptz  NOT NULL,
    i_am_alive_time  timestamptz  NOT NULL,
    CONSTRAINT orleans_membership_pk PRIMARY KEY (cluster_id, address, port, generation)
);

------------------------------------------------------------------------------
-- Grain persistence
------------------------------------------------------------------------------
-- Identity of a state row = service + grain type + grain id (n0, n1, string/extension).
-- The two hashes are what Orleans' hasher computes; they lead the index so lookups
-- are narrow. grain_id_extension is NULL for plain integer/guid keys, hence
-- NULLS NOT DISTINCT (PostgreSQL 15+) for the uniqueness that the upsert relies on.
CREATE TABLE IF NOT EXISTS orleans_grain_state
(
    id                  bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service_id          varchar(150) NOT NULL,
    grain_id_hash       integer      NOT NULL,
    grain_type_hash     integer      NOT NULL,
    grain_id_n0         bigint       NOT NULL,
    grain_id_n1         bigint       NOT NULL,
    grain_type          varchar(512) NOT NULL,
    grain_id_extension  varchar(512) NULL,
    payload             bytea        NULL,     -- NULL after ClearState (row kept)
    version             integer      NOT NULL, -- the ETag Orleans hands back on the next write
    modified_at         timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT orleans_grain_state_identity UNIQUE NULLS NOT DISTINCT
        (service_id, grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1,
         grain_type, grain_id_extension)
);

------------------------------------------------------------------------------
-- Reminders
------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS orleans_reminder
(
    service_id     varchar(150) NOT NULL,
    grain_id       varchar(512) NOT NULL,
    reminder_name  varchar(150) NOT NULL,
    grain_hash     integer      NOT NULL,  -- GrainId uniform hash, stored as signed int4
    start_time     timestamptz  NOT NULL,
    period_ms      bigint       NOT NULL,  -- read with GetInt64: must be bigint
    version        integer      NOT NULL,
    CONSTRAINT orleans_reminder_pk PRIMARY KEY (service_id, grain_id, reminder_name)
);

-- Range scans by ring hash (ReadRangeRows1Key / ReadRangeRows2Key).
CREATE INDEX IF NOT EXISTS orleans_reminder_by_hash
    ON orleans_reminder (service_id, grain_hash);

------------------------------------------------------------------------------
-- The queries. Upserted, so a later migration can replace a text by re-inserting it.
------------------------------------------------------------------------------
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- ===== Clustering ==========================================================

-- Creates the version row of a cluster if missing. One boolean: true if created.
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_membership_version (cluster_id, version)
    VALUES (@DeploymentId, 0)
    ON CONFLICT (cluster_id) DO NOTHING
    RETURNING 1
)
SELECT count(*) > 0 FROM created
$q$),

-- Adds a silo if the caller's table version (@Version) is current and the silo is
-- not there yet; bumps the version. One boolean: true if inserted.
('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version AS v
       SET version = v.version + 1, updated_at = now()
     WHERE v.cluster_id = @DeploymentId
       AND v.version = @Version
       AND NOT EXISTS (SELECT 1 FROM orleans_membership AS m
                        WHERE m.cluster_id = @DeploymentId AND m.address = @Address
                          AND m.port = @Port AND m.generation = @Generation)
    RETURNING v.cluster_id
), added AS (
    INSERT INTO orleans_membership
        (cluster_id, address, port, generation, silo_name, host_name, status,
         proxy_port, start_time, i_am_alive_time)
    SELECT b.cluster_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
           @ProxyPort, @StartTime, @IAmAliveTime
      FROM bumped AS b
    ON CONFLICT ON CONSTRAINT orleans_membership_pk DO NOTHING
    RETURNING 1
)
SELECT count(*) > 0 FROM added
$q$),

-- Changes a silo's status / suspicions / alive time if the table version is current;
-- bumps the version. One boolean: true if updated.
('UpdateMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version AS v
       SET version = v.version + 1, updated_at = now()
     WHERE v.cluster_id = @DeploymentId
       AND v.version = @Version
       AND EXISTS (SELECT 1 FROM orleans_membership AS m
                    WHERE m.cluster_id = @DeploymentId AND m.address = @Address
                      AND m.port = @Port AND m.generation = @Generation)
    RETURNING v.cluster_id
), changed AS (
    UPDATE orleans_membership AS m
       SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
      FROM bumped AS b
     WHERE m.cluster_id = b.cluster_id AND m.address = @Address
       AND m.port = @Port AND m.generation = @Generation
    RETURNING 1
)
SELECT count(*) > 0 FROM changed
$q$),

-- Heartbeat: no version check, no version bump (by Orleans' design).
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership
   SET i_am_alive_time = @IAmAliveTime
 WHERE cluster_id = @DeploymentId AND address = @Address
   AND port = @Port AND generation = @Generation
$q$),

-- One silo plus the table version. Always one row while the cluster's version row
-- exists; silo columns are NULL when the silo is unknown (Orleans keys on StartTime).
('MembershipReadRowKey', $q$
SELECT v.version          AS "Version",
       m.address          AS "Address",
       m.port             AS "Port",
       m.generation       AS "Generation",
       m.silo_name        AS "SiloName",
       m.host_name        AS "HostName",
       m.status           AS "Status",
       m.proxy_port       AS "ProxyPort",
       m.suspect_times    AS "SuspectTimes",
       m.start_time       AS "StartTime",
       m.i_am_alive_time  AS "IAmAliveTime"
  FROM orleans_membership_version AS v
  LEFT JOIN orleans_membership AS m
         ON m.cluster_id = v.cluster_id AND m.address = @Address
        AND m.port = @Port AND m.generation = @Generation
 WHERE v.cluster_id = @DeploymentId
$q$),

-- All silos plus the table version (same shape as MembershipReadRowKey).
('MembershipReadAllKey', $q$
SELECT v.version          AS "Version",
       m.address          AS "Address",
       m.port             AS "Port",
       m.generation       AS "Generation",
       m.silo_name        AS "SiloName",
       m.host_name        AS "HostName",
       m.status           AS "Status",
       m.proxy_port       AS "ProxyPort",
       m.suspect_times    AS "SuspectTimes",
       m.start_time       AS "StartTime",
       m.i_am_alive_time  AS "IAmAliveTime"
  FROM orleans_membership_version AS v
  LEFT JOIN orleans_membership AS m ON m.cluster_id = v.cluster_id
 WHERE v.cluster_id = @DeploymentId
$q$),

-- Gateways for clients: active silos (@Status = 3) that have a gateway port.
('GatewaysQueryKey', $q$
SELECT address     AS "Address",
       proxy_port  AS "ProxyPort",
       generation  AS "Generation"
  FROM orleans_membership
 WHERE cluster_id = @DeploymentId AND status = @Status AND proxy_port > 0
$q$),

-- Drops a whole cluster's membership (its silos go with the version row: ON DELETE CASCADE).
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership_version WHERE cluster_id = @DeploymentId
$q$),

-- Defunct-silo clean-up: removes silos declared Dead (6) whose last sign of life is
-- older than @IAmAliveTime. "Last sign of life" is what Orleans calls the entry's
-- EffectiveUpdateTime: the latest of start time, I-am-alive time and the suspicion
-- votes' times (SuspectTimes holds "silo,yyyy-MM-dd HH:mm:ss.fff GMT|..."), so that
-- recently declared deaths stay visible. The cut-off comes from
-- ClusterMembershipOptions.DefunctSiloExpiration / MaxDefunctSiloEntries.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership AS m
 WHERE m.cluster_id = @DeploymentId
   AND m.status = 6
   AND greatest(m.start_time, m.i_am_alive_time,
                (SELECT max(CASE WHEN vote ~ '^[^,]+,[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:.]+ GMT$'
                                 THEN split_part(vote, ',', 2)::timestamptz END)
                   FROM unnest(string_to_array(m.suspect_times, '|')) AS vote)
               ) < @IAmAliveTime
$q$),

-- Optional in Orleans 10.4.x, and preferred when present: the provider reads all rows,
-- picks the Dead ones whose start, alive and vote times are all before the cut-off, and
-- deletes each one only if the row still holds exactly the values it read (@StartTime,
-- @IAmAliveTime, @SuspectTimes), so a concurrent change (a new vote, a late
-- heartbeat) keeps the row. No version bump.
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleans_membership
 WHERE cluster_id = @DeploymentId AND status = 6
   AND address = @Address AND port = @Port AND generation = @Generation
   AND start_time = @StartTime AND i_am_alive_time = @IAmAliveTime
   AND coalesce(suspect_times, '') = coalesce(@SuspectTimes, '')
$q$),

-- ===== Grain persistence ===================================================
-- Row identity used by all four: see orleans_grain_state_identity.

-- At most one row: "PayloadBinary" (NULL when cleared) and "Version" (the ETag).
('ReadFromStorageKey', $q$
SELECT payload  AS "PayloadBinary",
       version  AS "Version"
  FROM orleans_grain_state
 WHERE service_id = @ServiceId
   AND grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
   AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
   AND grain_type = @GrainTypeString
   AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
$q$),

-- Optimistic write. @GrainStateVersion NULL = "I believe there is no row": insert
-- version 1 (nothing if a row exists). Otherwise update only if the stored version
-- equals @GrainStateVersion, and bump it. Returns "NewGrainStateVersion", or NO ROW
-- when the caller's version is stale -> Orleans throws InconsistentStateException.
('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE orleans_grain_state AS s
       SET payload = @PayloadBinary, version = s.version + 1, modified_at = now()
     WHERE @GrainStateVersion IS NOT NULL
       AND s.service_id = @ServiceId
       AND s.grain_id_hash = @GrainIdHash AND s.grain_type_hash = @GrainTypeHash
       AND s.grain_id_n0 = @GrainIdN0 AND s.grain_id_n1 = @GrainIdN1
       AND s.grain_type = @GrainTypeString
       AND s.grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
       AND s.version = @GrainStateVersion
    RETURNING s.version
), inserted AS (
    INSERT INTO orleans_grain_state
        (service_id, grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1,
         grain_type, grain_id_extension, payload, version)
    SELECT @ServiceId, @GrainIdHash, @GrainTypeHash, @GrainIdN0, @GrainIdN1,
           @GrainTypeString, @GrainIdExtensionString, @PayloadBinary, 1
     WHERE @GrainStateVersion IS NULL
    ON CONFLICT ON CONSTRAINT orleans_grain_state_identity DO NOTHING
    RETURNING version
)
SELECT version AS "NewGrainStateVersion" FROM updated
UNION ALL
SELECT version FROM inserted
$q$),

-- ClearState (DeleteStateOnClear = false): keep the row, drop the payload, bump the
-- version. Same version rules as the write; the single column (read by position)
-- is the new version, no row = stale.
('ClearStorageKey', $q$
WITH updated AS (
    UPDATE orleans_grain_state AS s
       SET payload = NULL, version = s.version + 1, modified_at = now()
     WHERE @GrainStateVersion IS NOT NULL
       AND s.service_id = @ServiceId
       AND s.grain_id_hash = @GrainIdHash AND s.grain_type_hash = @GrainTypeHash
       AND s.grain_id_n0 = @GrainIdN0 AND s.grain_id_n1 = @GrainIdN1
       AND s.grain_type = @GrainTypeString
       AND s.grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
       AND s.version = @GrainStateVersion
    RETURNING s.version
), inserted AS (
    INSERT INTO orleans_grain_state
        (service_id, grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1,
         grain_type, grain_id_extension, payload, version)
    SELECT @ServiceId, @GrainIdHash, @GrainTypeHash, @GrainIdN0, @GrainIdN1,
           @GrainTypeString, @GrainIdExtensionString, NULL, 1
     WHERE @GrainStateVersion IS NULL
    ON CONFLICT ON CONSTRAINT orleans_grain_state_identity DO NOTHING
    RETURNING version
)
SELECT version AS "NewGrainStateVersion" FROM updated
UNION ALL
SELECT version FROM inserted
$q$),

-- ClearState (DeleteStateOnClear = true): delete the row if the version matches.
-- Returns deleted version + 1 (Orleans only checks it differs from the ETag it sent,
-- then sets the grain's ETag to null); no row = stale.
('DeleteStorageKey', $q$
DELETE FROM orleans_grain_state AS s
 WHERE s.service_id = @ServiceId
   AND s.grain_id_hash = @GrainIdHash AND s.grain_type_hash = @GrainTypeHash
   AND s.grain_id_n0 = @GrainIdN0 AND s.grain_id_n1 = @GrainIdN1
   AND s.grain_type = @GrainTypeString
   AND s.grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
   AND s.version = @GrainStateVersion
RETURNING s.version + 1 AS "NewGrainStateVersion"
$q$),

-- ===== Reminders ===========================================================
-- Result shape for reads: "GrainId", "ReminderName", "StartTime", "Period" (bigint ms),
-- "Version" (the reminder's ETag).

('ReadReminderRowsKey', $q$
SELECT grain_id       AS "GrainId",
       reminder_name  AS "ReminderName",
       start_time     AS "StartTime",
       period_ms      AS "Period",
       version        AS "Version"
  FROM orleans_reminder
 WHERE service_id = @ServiceId AND grain_id = @GrainId
$q$),

('ReadReminderRowKey', $q$
SELECT grain_id       AS "GrainId",
       reminder_name  AS "ReminderName",
       start_time     AS "StartTime",
       period_ms      AS "Period",
       version        AS "Version"
  FROM orleans_reminder
 WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
$q$),

-- Ring range (BeginHash, EndHash] that does not wrap (signed BeginHash < EndHash).
('ReadRangeRows1Key', $q$
SELECT grain_id       AS "GrainId",
       reminder_name  AS "ReminderName",
       start_time     AS "StartTime",
       period_ms      AS "Period",
       version        AS "Version"
  FROM orleans_reminder
 WHERE service_id = @ServiceId
   AND grain_hash > @BeginHash AND grain_hash <= @EndHash
$q$),

-- Ring range that wraps around: (BeginHash, max] plus [min, EndHash].
('ReadRangeRows2Key', $q$
SELECT grain_id       AS "GrainId",
       reminder_name  AS "ReminderName",
       start_time     AS "StartTime",
       period_ms      AS "Period",
       version        AS "Version"
  FROM orleans_reminder
 WHERE service_id = @ServiceId
   AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
$q$),

-- Insert or replace; every write bumps the version. Returns "Version" (new ETag).
('UpsertReminderRowKey', $q$
INSERT INTO orleans_reminder AS r
    (service_id, grain_id, reminder_name, grain_hash, start_time, period_ms, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @GrainHash, @StartTime, @Period, 0)
ON CONFLICT ON CONSTRAINT orleans_reminder_pk DO UPDATE
   SET grain_hash = EXCLUDED.grain_hash,
       start_time = EXCLUDED.start_time,
       period_ms  = EXCLUDED.period_ms,
       version    = r.version + 1
RETURNING r.version AS "Version"
$q$),

-- Delete if the ETag (@Version) matches. One boolean: true if deleted.
('DeleteReminderRowKey', $q$
WITH removed AS (
    DELETE FROM orleans_reminder
     WHERE service_id = @ServiceId AND grain_id = @GrainId
       AND reminder_name = @ReminderName AND version = @Version
    RETURNING 1
)
SELECT count(*) > 0 FROM removed
$q$),

-- Test helper of the reminder table: remove every reminder of the service.
('DeleteReminderRowsKey', $q$
DELETE FROM orleans_reminder WHERE service_id = @ServiceId
$q$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
