DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 't' AND column_name = 'b') THEN
    ALTER TABLE t DROP COLUMN b;
  END IF;
END
$$;
