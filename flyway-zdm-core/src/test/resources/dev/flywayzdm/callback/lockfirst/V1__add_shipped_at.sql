-- Needs ACCESS EXCLUSIVE on orders: the callback takes it first in short attempts.
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
-- The attempts' own lock_timeout must not outlive them: the migration's value (4s) is back.
DO $$
BEGIN
  IF current_setting('lock_timeout') <> '4s' THEN
    RAISE EXCEPTION 'lock_timeout after the lock attempts: %', current_setting('lock_timeout');
  END IF;
END $$;
