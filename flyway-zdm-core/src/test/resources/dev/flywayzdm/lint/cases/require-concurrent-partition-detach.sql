-- case: plain DETACH takes ACCESS EXCLUSIVE on the parent
-- options: pg=14
ALTER TABLE measurements DETACH PARTITION measurements_2020; -- expect: require-concurrent-partition-detach

-- case: before PostgreSQL 14 there is no concurrent form, it is still reported
-- options: pg=13
ALTER TABLE measurements DETACH PARTITION measurements_2020; -- expect: require-concurrent-partition-detach

-- case: DETACH CONCURRENTLY in a non-transactional migration
-- options: pg=15 in-transaction=false
ALTER TABLE measurements DETACH PARTITION measurements_2020 CONCURRENTLY;

-- case: ATTACH PARTITION takes only SHARE UPDATE EXCLUSIVE on the parent
ALTER TABLE measurements ATTACH PARTITION measurements_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

-- case: a partitioned table created in this run
CREATE TABLE logs (at timestamptz) PARTITION BY RANGE (at);
ALTER TABLE logs DETACH PARTITION logs_2020;

-- case: DETACH ... FINALIZE looks like a plain detach but completes a concurrent one under SHARE UPDATE EXCLUSIVE
-- options: pg=14
ALTER TABLE measurements DETACH PARTITION measurements_2020 FINALIZE;
