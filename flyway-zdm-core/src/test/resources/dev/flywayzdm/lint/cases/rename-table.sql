-- case: the running version still queries the old name
ALTER TABLE orders RENAME TO purchase_orders; -- expect: rename-table

-- case: moving to another schema changes how it is found
ALTER TABLE orders SET SCHEMA archive; -- expect: rename-table

-- case: renaming a table created in this run
CREATE TABLE tmp_orders (id bigint);
ALTER TABLE tmp_orders RENAME TO new_orders;

-- case: after the rename the new name is still a new table
CREATE TABLE tmp_orders (id bigint);
ALTER TABLE tmp_orders RENAME TO new_orders;
CREATE INDEX new_orders_id_idx ON new_orders (id);

-- case: ALTER INDEX RENAME is not a table rename
ALTER INDEX orders_idx RENAME TO orders_created_idx;
