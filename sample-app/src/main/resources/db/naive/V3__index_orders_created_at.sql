-- naive: a plain CREATE INDEX blocks every write to orders until the build finishes.
CREATE INDEX orders_created_at_idx ON orders (created_at);
