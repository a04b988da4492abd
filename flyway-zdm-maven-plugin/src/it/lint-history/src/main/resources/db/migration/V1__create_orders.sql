CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now());
-- applied by the first deployment: a plain index on a new table, and a statement no lint rule would pass later
CREATE INDEX orders_id_created_idx ON orders (id, created_at);
ALTER TABLE orders ADD CONSTRAINT orders_id_positive CHECK (id > 0);
