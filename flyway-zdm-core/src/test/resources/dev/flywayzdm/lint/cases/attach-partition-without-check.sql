-- case: attaching a table with rows and no CHECK scans it under ACCESS EXCLUSIVE
ALTER TABLE measurements ATTACH PARTITION measurements_2019 FOR VALUES FROM ('2019-01-01') TO ('2020-01-01'); -- expect: attach-partition-without-check

-- case: a CHECK added NOT VALID but never validated does not spare the scan
ALTER TABLE measurements_2019 ADD CONSTRAINT m2019_bounds CHECK (at >= '2019-01-01' AND at < '2020-01-01') NOT VALID;
ALTER TABLE measurements ATTACH PARTITION measurements_2019 FOR VALUES FROM ('2019-01-01') TO ('2020-01-01'); -- expect: attach-partition-without-check

-- case: a CHECK added NOT VALID and validated first lets PostgreSQL skip the scan
-- file: V1__check.sql
ALTER TABLE measurements_2019 ADD CONSTRAINT m2019_bounds CHECK (at >= '2019-01-01' AND at < '2020-01-01') NOT VALID;
-- file: V2__validate.sql
ALTER TABLE measurements_2019 VALIDATE CONSTRAINT m2019_bounds;
-- file: V3__attach.sql
ALTER TABLE measurements ATTACH PARTITION measurements_2019 FOR VALUES FROM ('2019-01-01') TO ('2020-01-01');

-- case: attaching a table created empty in this run has nothing to scan
CREATE TABLE measurements_2026 (at timestamptz, value numeric);
ALTER TABLE measurements ATTACH PARTITION measurements_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');

-- case: DETACH PARTITION looks like ATTACH but proves nothing about rows
-- options: pg=14 in-transaction=false
ALTER TABLE measurements DETACH PARTITION measurements_2019 CONCURRENTLY;
