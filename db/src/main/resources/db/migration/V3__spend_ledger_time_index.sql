-- The admin API lists the ledger newest first, by default across every key and team: without an
-- index on the time alone each page would sort a whole month's partition. Costs the writer little
-- (measured with bench/ledger.sh: within the noise of the run).
CREATE INDEX spend_ledger_time ON spend_ledger (occurred_at);
