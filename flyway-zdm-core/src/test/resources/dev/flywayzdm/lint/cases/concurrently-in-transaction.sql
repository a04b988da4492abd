-- case: alone in its file, Flyway runs CREATE INDEX CONCURRENTLY outside a transaction
CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);

-- case: two concurrent builds in one file are both non-transactional
CREATE INDEX CONCURRENTLY a_idx ON orders (a);
DROP INDEX CONCURRENTLY b_idx;

-- case: executeInTransaction=true in the script config forces a transaction
-- options: in-transaction=true
CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at); -- expect: concurrently-in-transaction

-- case: Flyway does not recognise REINDEX INDEX CONCURRENTLY and wraps the file
REINDEX INDEX CONCURRENTLY orders_created_at_idx; -- expect: concurrently-in-transaction

-- case: the same REINDEX with executeInTransaction=false is fine
-- options: in-transaction=false
REINDEX INDEX CONCURRENTLY orders_created_at_idx;

-- case: DETACH PARTITION CONCURRENTLY is not recognised by Flyway either
-- options: pg=14
ALTER TABLE measurements DETACH PARTITION measurements_2020 CONCURRENTLY; -- expect: concurrently-in-transaction

-- case: DETACH CONCURRENTLY with executeInTransaction=false
-- options: pg=14 in-transaction=false
ALTER TABLE measurements DETACH PARTITION measurements_2020 CONCURRENTLY;

-- case: inside an explicit BEGIN of a non-transactional migration
-- options: in-transaction=false
BEGIN;
CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at); -- expect: concurrently-in-transaction
COMMIT;

-- case: a DO block always runs in a transaction
-- options: in-transaction=false
DO $$
BEGIN
  EXECUTE 'CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at)'; -- expect: concurrently-in-transaction
END
$$;

-- case: REFRESH MATERIALIZED VIEW CONCURRENTLY may run in a transaction
REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals;
