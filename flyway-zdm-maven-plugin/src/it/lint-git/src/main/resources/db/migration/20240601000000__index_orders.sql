-- new on this branch: orders exists with rows in production
CREATE INDEX orders_created_at_idx ON ${orders_table} (created_at);
