-- case: a backfill after an ALTER keeps the table locked for the backfill
ALTER TABLE orders ADD COLUMN region text;
INSERT INTO audit_log (what) VALUES ('region added'); -- expect: statements-after-access-exclusive

-- case: two ALTERs of the same table: one lock, held twice as long
ALTER TABLE orders ADD COLUMN region text;
ALTER TABLE orders ADD COLUMN country text; -- expect: statements-after-access-exclusive

-- case: only reported once per file
ALTER TABLE orders ADD COLUMN region text;
ALTER TABLE orders ADD COLUMN country text; -- expect: statements-after-access-exclusive
ALTER TABLE orders ADD COLUMN city text;

-- case: the ACCESS EXCLUSIVE statement last is fine
CREATE TABLE regions (id bigint);
ALTER TABLE orders ADD COLUMN region_id bigint;

-- case: comments and settings after it take no time
ALTER TABLE orders ADD COLUMN region text;
COMMENT ON COLUMN orders.region IS 'sales region';
RESET lock_timeout;

-- case: SHARE UPDATE EXCLUSIVE (VALIDATE) is not ACCESS EXCLUSIVE
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
ALTER TABLE customers VALIDATE CONSTRAINT customers_region_fk;

-- case: in autocommit each statement releases its lock
-- options: in-transaction=false
ALTER TABLE orders ADD COLUMN region text;
ALTER TABLE orders ADD COLUMN country text;

-- case: locks on new tables do not matter
CREATE TABLE drafts (id bigint);
ALTER TABLE drafts ADD COLUMN title text;
INSERT INTO drafts VALUES (1, 'x');
