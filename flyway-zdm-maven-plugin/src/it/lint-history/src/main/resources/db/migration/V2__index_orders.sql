-- pending: orders exists with rows by now
CREATE INDEX orders_created_at_idx ON orders (created_at);
