-- 002_group_commit_grain_state.sql
-- Grain state for the silo's group-commit store (src/Orleans.Governance.Silo/Storage),
-- the default state store on PostgreSQL: writes from many grains that arrive together are
-- committed by one statement, so a commit (and its WAL flush) is shared by all of them.
--
-- One row per grain and state name. The grain id is Orleans' text form ("case/3701-…"), so
-- the key is readable in psql and needs no hashing scheme of ours.
-- version: the ETag; 1 on insert, + 1 on every write or clear; a write must present it.
-- payload: Orleans' binary serialization of the state; NULL after a clear (row kept).
-- The key leads with the grain id, its most selective part: a batch's statement then has no
-- plan but one index lookup per grain (led by service_id, the planner would scan a whole
-- service's rows once for every grain in the batch; measured 10 times slower).
-- fillfactor: room on each page for the new row versions of an update, so that updates stay
-- HOT (no index write) and the table does not bloat between vacuums.
CREATE TABLE IF NOT EXISTS governance_grain_state
(
    service_id   varchar(150) NOT NULL,
    state_name   varchar(150) NOT NULL,
    grain_id     text         NOT NULL,
    payload      bytea        NULL,
    version      integer      NOT NULL,
    modified_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT governance_grain_state_pk PRIMARY KEY (grain_id, state_name, service_id)
) WITH (fillfactor = 70);
