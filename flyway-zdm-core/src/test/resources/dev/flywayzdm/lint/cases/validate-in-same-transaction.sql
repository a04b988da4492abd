-- case: add NOT VALID and validate in one transactional file
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk; -- expect: validate-in-same-transaction

-- case: the same for a CHECK constraint
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive; -- expect: validate-in-same-transaction

-- case: validating in the next migration
-- file: V1__add.sql
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
-- file: V2__validate.sql
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;

-- case: a non-transactional file commits each statement on its own
-- options: in-transaction=false
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;

-- case: a COMMIT in between ends the first transaction (and is itself reported as nesting)
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;
COMMIT;
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;

-- case: validating a constraint added elsewhere
ALTER TABLE orders VALIDATE CONSTRAINT some_old_constraint;
