-- case: a targeted UPDATE of an existing table with no statement_timeout
UPDATE orders SET status = 'open' WHERE status IS NULL; -- expect: require-statement-timeout

-- case: reported once per file
DELETE FROM orders WHERE status = 'void'; -- expect: require-statement-timeout
DELETE FROM orders WHERE status = 'test';

-- case: SET LOCAL statement_timeout in the transaction bounds it
SET LOCAL statement_timeout = '15min';
UPDATE orders SET status = 'open' WHERE status IS NULL;

-- case: SET lock_timeout looks like it but bounds only the wait for locks
SET LOCAL lock_timeout = '5s';
REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals; -- expect: require-statement-timeout

-- case: statement_timeout = 0 switches it off again
SET statement_timeout = 0;
DELETE FROM orders WHERE created_at < now() - interval '5 years'; -- expect: require-statement-timeout

-- case: a whole-table UPDATE looks like it but is unbatched-backfill's finding
UPDATE orders SET status = 'open'; -- expect: unbatched-backfill

-- case: a plain index build looks like it but is require-concurrent-index-creation's finding
CREATE INDEX orders_status_idx ON orders (status); -- expect: require-concurrent-index-creation

-- case: a concurrent index build is bounded by ConcurrentIndexMigration, not by a timeout that leaves it invalid
-- options: in-transaction=false
CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);

-- case: VALIDATE CONSTRAINT looks like a long scan but blocks nobody, so it may run as long as it needs
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;

-- case: an UPDATE of a table created in this run
CREATE TABLE drafts (id bigint, title text);
UPDATE drafts SET title = '' WHERE id = 1;
