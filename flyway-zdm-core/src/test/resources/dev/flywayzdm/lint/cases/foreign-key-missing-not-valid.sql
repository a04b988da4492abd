-- case: a foreign key is checked against every row while both tables refuse writes
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id); -- expect: foreign-key-missing-not-valid

-- case: unnamed foreign key
ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers; -- expect: foreign-key-missing-not-valid

-- case: one of several actions
ALTER TABLE orders
  ADD COLUMN note text,
  ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id); -- expect: foreign-key-missing-not-valid

-- case: a new referencing column with a default must check every row
ALTER TABLE orders ADD COLUMN region_id bigint DEFAULT 1 REFERENCES regions (id); -- expect: foreign-key-missing-not-valid

-- case: NOT VALID only checks new rows
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;

-- case: a new all-NULL referencing column cannot violate the key
ALTER TABLE orders ADD COLUMN region_id bigint REFERENCES regions (id);

-- case: a foreign key on a table created in this run
CREATE TABLE payments (id bigint, order_id bigint);
ALTER TABLE payments ADD CONSTRAINT payments_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);

-- case: validating later is the safe second step
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
