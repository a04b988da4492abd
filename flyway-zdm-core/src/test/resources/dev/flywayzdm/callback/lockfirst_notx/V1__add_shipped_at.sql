-- Runs without a transaction (see the .conf file): the callback waits until the lock is free in
-- short attempts, each in a transaction of its own, then the statement takes it.
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
