-- Needs ACCESS EXCLUSIVE on orders: the callback takes it first in short attempts.
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
