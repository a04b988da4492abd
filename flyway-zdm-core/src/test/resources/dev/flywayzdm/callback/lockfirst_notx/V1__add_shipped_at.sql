-- Runs without a transaction (see the .conf file): the callback waits until the lock is free in
-- short attempts, each in a transaction of its own, then the statement takes it.
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
-- The attempts' own lock_timeout must not outlive them: the migration's value (4s) is back.
DO $$
BEGIN
  IF current_setting('lock_timeout') <> '4s' THEN
    RAISE EXCEPTION 'lock_timeout after the lock attempts: %', current_setting('lock_timeout');
  END IF;
END $$;
