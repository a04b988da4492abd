-- case: LOCK TABLE defaults to ACCESS EXCLUSIVE
LOCK TABLE orders; -- expect: lock-table

-- case: a named mode
LOCK orders IN SHARE ROW EXCLUSIVE MODE; -- expect: lock-table

-- case: locking a table created in this run
CREATE TABLE staging (id bigint);
LOCK TABLE staging IN ACCESS EXCLUSIVE MODE;

-- case: SELECT ... FOR UPDATE is a row lock, not LOCK TABLE
SELECT id FROM orders WHERE id = 1 FOR UPDATE;
