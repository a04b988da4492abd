-- case: a DO block body is linted statement by statement
DO $$
BEGIN
  ALTER TABLE orders ADD COLUMN public_id uuid DEFAULT gen_random_uuid(); -- expect: volatile-column-default
END
$$;

-- case: statements under IF ... THEN inside DO
DO $do$
DECLARE
  n int;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'orders_note_idx') THEN
    CREATE INDEX orders_note_idx ON orders (note); -- expect: require-concurrent-index-creation
  END IF;
END
$do$;

-- case: a plpgsql function body
CREATE OR REPLACE FUNCTION purge() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM audit_log; -- expect: unbatched-backfill
END;
$$;

-- case: LANGUAGE after the body, FOR ... LOOP
CREATE FUNCTION touch_all() RETURNS void AS $fn$
DECLARE r record;
BEGIN
  FOR r IN SELECT id FROM customers LOOP
    ALTER TABLE orders RENAME COLUMN note TO comment; -- expect: rename-column
  END LOOP;
END
$fn$ LANGUAGE plpgsql;

-- case: EXECUTE of a string literal is linted too
DO $$
BEGIN
  EXECUTE 'ALTER TABLE orders ALTER COLUMN email SET NOT NULL'; -- expect: set-not-null-without-check
END
$$;

-- case: an SQL-language function body
CREATE FUNCTION wipe() RETURNS void LANGUAGE sql AS $$
  TRUNCATE orders; -- expect: truncate-table
$$;

-- case: a table created in the DO block is new for the statements after it
DO $$
BEGIN
  CREATE TABLE scratch (id int);
  CREATE INDEX scratch_idx ON scratch (id);
END
$$;

-- case: harmless body
DO $$
DECLARE
  total bigint := 0;
BEGIN
  SELECT count(*) INTO total FROM orders;
  RAISE NOTICE 'orders: %', total;
END
$$;

-- case: CASE ... THEN inside an UPDATE is not control flow
CREATE FUNCTION close_all() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE orders SET status = CASE WHEN paid THEN 'closed' ELSE 'open' END WHERE id > 0;
END
$$;
