-- case: the running version relies on the check
ALTER TABLE orders DROP CONSTRAINT orders_total_positive; -- expect: drop-constraint

-- case: IF EXISTS and CASCADE do not change it
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_customer_fk CASCADE; -- expect: drop-constraint

-- case: in a declared contract step
-- file: V2__contract.sql
-- zdm:contract expand=1
ALTER TABLE orders DROP CONSTRAINT orders_total_positive;

-- case: dropping a column looks like it but is drop-column's business
ALTER TABLE orders DROP COLUMN legacy_flag;

-- case: a constraint of a table created in this run
CREATE TABLE drafts (id bigint CONSTRAINT drafts_id_positive CHECK (id > 0));
ALTER TABLE drafts DROP CONSTRAINT drafts_id_positive;
