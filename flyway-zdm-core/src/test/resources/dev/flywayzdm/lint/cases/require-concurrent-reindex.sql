-- case: REINDEX TABLE blocks writes for the whole rebuild
REINDEX TABLE orders; -- expect: require-concurrent-reindex

-- case: REINDEX INDEX locks the index against every query using it
REINDEX INDEX orders_created_at_idx; -- expect: require-concurrent-reindex

-- case: REINDEX with options
REINDEX (VERBOSE) TABLE orders; -- expect: require-concurrent-reindex

-- case: REINDEX SCHEMA touches every table in it
REINDEX SCHEMA public; -- expect: require-concurrent-reindex

-- case: REINDEX CONCURRENTLY in a file Flyway runs outside a transaction
-- options: in-transaction=false
REINDEX INDEX CONCURRENTLY orders_created_at_idx;

-- case: REINDEX of a table created in this run
CREATE TABLE scratch (id int);
REINDEX TABLE scratch;

-- case: REINDEX CONCURRENTLY with the option list form
-- options: in-transaction=false
REINDEX (VERBOSE) TABLE CONCURRENTLY orders;
