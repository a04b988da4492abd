-- case: SET lock_timeout cannot share a file with CREATE INDEX CONCURRENTLY
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at); -- expect: mixed-transaction-modes

-- case: VACUUM next to DDL
ALTER TABLE orders ADD COLUMN note text;
VACUUM orders; -- expect: mixed-transaction-modes

-- case: concurrent build alone
CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);

-- case: a script config decides the mode, so Flyway does not look at the statements
-- options: in-transaction=false
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);

-- case: ordinary DDL only
ALTER TABLE orders ADD COLUMN note text;
CREATE TABLE notes (id bigint);
