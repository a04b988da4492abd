-- case: plain index on an existing table holds SHARE and blocks writes
CREATE INDEX orders_created_at_idx ON orders (created_at); -- expect: require-concurrent-index-creation

-- case: unique index without CONCURRENTLY is just as blocking
CREATE UNIQUE INDEX orders_number_key ON orders (number); -- expect: require-concurrent-index-creation

-- case: an unnamed index on a schema-qualified table
CREATE INDEX ON ${schema}.orders USING btree (customer_id); -- expect: require-concurrent-index-creation

-- case: IF NOT EXISTS does not make the build non-blocking
CREATE INDEX IF NOT EXISTS orders_status_idx ON orders (status); -- expect: require-concurrent-index-creation

-- case: lower-case keywords and a partial index
create index orders_open_idx on orders (id) where status = 'open'; -- expect: require-concurrent-index-creation

-- case: CONCURRENTLY builds while writes continue
CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);

-- case: unique index built concurrently
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_number_key ON orders (number);

-- case: index on a table created earlier in the same file is built on an empty table
CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint);
CREATE INDEX invoices_customer_idx ON invoices (customer_id);

-- case: index on a table created by an earlier pending migration
-- file: V1__invoices.sql
CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint);
-- file: V2__invoices_index.sql
CREATE INDEX invoices_customer_idx ON invoices (customer_id);

-- case: with start-after, the creating migration counts as applied and its table as full
-- options: start-after=1
-- file: V1__invoices.sql
CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint);
-- file: V2__invoices_index.sql
CREATE INDEX invoices_customer_idx ON invoices (customer_id); -- expect: require-concurrent-index-creation

-- case: a table created with CREATE TABLE AS is full of rows
CREATE TABLE order_archive AS SELECT * FROM orders;
CREATE INDEX order_archive_idx ON order_archive (id); -- expect: require-concurrent-index-creation

-- case: the words in a string or comment are not a statement
SELECT 'CREATE INDEX x ON orders (id)'; /* CREATE INDEX y ON orders (id); */

-- case: ON ONLY a partitioned parent looks like a build but creates an invalid index and builds nothing
CREATE INDEX measurements_at_idx ON ONLY measurements (at);

-- case: the partition's own index, built after ON ONLY, is a real build
CREATE INDEX measurements_2025_at_idx ON measurements_2025 (at); -- expect: require-concurrent-index-creation
