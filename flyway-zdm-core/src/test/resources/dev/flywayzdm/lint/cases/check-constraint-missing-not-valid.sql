-- case: a CHECK is proven for all rows under ACCESS EXCLUSIVE
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0); -- expect: check-constraint-missing-not-valid

-- case: unnamed check
ALTER TABLE orders ADD CHECK (status IN ('open', 'paid')); -- expect: check-constraint-missing-not-valid

-- case: a not-null check without NOT VALID
ALTER TABLE orders ADD CONSTRAINT orders_email_nn CHECK (email IS NOT NULL); -- expect: check-constraint-missing-not-valid

-- case: NOT VALID skips the scan
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;

-- case: check on a new table
CREATE TABLE refunds (id bigint, amount numeric);
ALTER TABLE refunds ADD CONSTRAINT refunds_amount_positive CHECK (amount > 0);

-- case: a word CHECK in a comment or column name is not a constraint
ALTER TABLE orders ADD COLUMN check_number text; -- check (x)
