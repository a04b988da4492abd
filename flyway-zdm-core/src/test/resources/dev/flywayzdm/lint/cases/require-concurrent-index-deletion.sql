-- case: DROP INDEX takes ACCESS EXCLUSIVE on the table
DROP INDEX orders_created_at_idx; -- expect: require-concurrent-index-deletion

-- case: IF EXISTS and a schema does not change the lock
DROP INDEX IF EXISTS ${schema}.orders_created_at_idx CASCADE; -- expect: require-concurrent-index-deletion

-- case: DROP INDEX CONCURRENTLY waits for queries instead of blocking them
DROP INDEX CONCURRENTLY IF EXISTS orders_created_at_idx;

-- case: dropping an index of a table created in this run
CREATE TABLE drafts (id bigint, title text);
CREATE INDEX drafts_title_idx ON drafts (title);
DROP INDEX drafts_title_idx;

-- case: an index built concurrently in this run on an existing table still locks that table
-- file: V1__idx.sql
CREATE INDEX CONCURRENTLY orders_tmp_idx ON orders (id);
-- file: V2__drop.sql
DROP INDEX orders_tmp_idx; -- expect: require-concurrent-index-deletion

-- case: DROP TABLE is not DROP INDEX
DROP INDEX CONCURRENTLY orders_idx;

-- case: the message names the table an earlier migration built the index on
-- options: start-after=1
-- file: V1__applied.sql
CREATE TABLE invoices (id bigint, due date);
CREATE INDEX invoices_due_idx ON invoices (due);
-- file: V2__drop.sql
DROP INDEX invoices_due_idx; -- expect: require-concurrent-index-deletion
