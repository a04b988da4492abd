-- Needs ACCESS EXCLUSIVE on orders, which the reporting transaction of prebuild.groovy is in the way of.
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
