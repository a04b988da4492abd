-- case: UPDATE without WHERE touches every row in one transaction
UPDATE orders SET status = 'open'; -- expect: unbatched-backfill

-- case: DELETE without WHERE
DELETE FROM audit_log; -- expect: unbatched-backfill

-- case: a filtered UPDATE in the same migration as DDL keeps the DDL lock for the whole update
ALTER TABLE orders ADD COLUMN region text;
UPDATE orders SET region = 'eu' WHERE country IN ('DE', 'FR'); -- expect: unbatched-backfill

-- case: the backfill before the DDL is just as bad
UPDATE orders SET region = 'eu' WHERE region IS NULL; -- expect: unbatched-backfill
ALTER TABLE orders ALTER COLUMN region SET DEFAULT 'eu';

-- case: a filtered UPDATE in a data-only migration
UPDATE orders SET status = 'closed' WHERE id = 42;

-- case: a WHERE inside a subquery does not filter the UPDATE
UPDATE orders SET total = (SELECT sum(amount) FROM lines WHERE lines.order_id = orders.id); -- expect: unbatched-backfill

-- case: filling a table created in this run
CREATE TABLE order_stats (id bigint, n int);
INSERT INTO order_stats SELECT id, 0 FROM orders;
UPDATE order_stats SET n = 1;

-- case: UPDATE ... WHERE CURRENT OF style filters are filters
UPDATE ONLY orders o SET status = 'x' WHERE o.id < 100;
