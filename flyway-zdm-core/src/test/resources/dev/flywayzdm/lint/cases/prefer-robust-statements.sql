-- case: a concurrent build that fails leaves an invalid index; a rerun then fails on the name
CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at); -- expect: prefer-robust-statements

-- case: DROP INDEX CONCURRENTLY without IF EXISTS
DROP INDEX CONCURRENTLY orders_old_idx; -- expect: prefer-robust-statements

-- case: ADD COLUMN in a migration configured to run outside a transaction
-- options: in-transaction=false
ALTER TABLE orders ADD COLUMN note text; -- expect: prefer-robust-statements

-- case: robust forms
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_at_idx ON orders (created_at);
DROP INDEX CONCURRENTLY IF EXISTS orders_old_idx;

-- case: robust column changes outside a transaction
-- options: in-transaction=false
ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text, DROP COLUMN IF EXISTS legacy;

-- case: inside a transaction a failure rolls everything back
CREATE TABLE notes (id bigint);
ALTER TABLE orders ADD COLUMN note text;
