CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now(), total numeric);
CREATE INDEX orders_id_created_idx ON orders (id, created_at);
