-- case: BEGIN inside Flyway's transaction
BEGIN; -- expect: transaction-nesting
ALTER TABLE orders ADD COLUMN note text;

-- case: COMMIT ends Flyway's transaction early
ALTER TABLE orders ADD COLUMN note text;
COMMIT; -- expect: transaction-nesting

-- case: explicit transaction in a non-transactional migration is fine
-- options: in-transaction=false
BEGIN;
ALTER TABLE orders ADD COLUMN note text;
COMMIT;

-- case: a transaction never committed
-- options: in-transaction=false
START TRANSACTION; -- expect: transaction-nesting
ALTER TABLE orders ADD COLUMN note text;

-- case: ROLLBACK TO SAVEPOINT stays inside the transaction
SAVEPOINT before_note;
ALTER TABLE orders ADD COLUMN note text;
ROLLBACK TO SAVEPOINT before_note;

-- case: BEGIN ... END inside a DO block is PL/pgSQL, not a transaction
DO $$
BEGIN
  RAISE NOTICE 'hello';
END
$$;
