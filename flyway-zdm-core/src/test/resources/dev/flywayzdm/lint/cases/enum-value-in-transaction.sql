-- case: before PostgreSQL 12 ADD VALUE fails in a transaction block
-- options: pg=11 in-transaction=true
ALTER TABLE orders ADD COLUMN note text;
ALTER TYPE order_status ADD VALUE 'refunded'; -- expect: enum-value-in-transaction

-- case: before 12, next to other statements Flyway refuses the mixed file (or runs it in autocommit)
-- options: pg=11
ALTER TABLE orders ADD COLUMN note text;
ALTER TYPE order_status ADD VALUE 'refunded';

-- case: before 12, alone in its file, Flyway runs it outside a transaction
-- options: pg=11
ALTER TYPE order_status ADD VALUE 'refunded';

-- case: from 12 on ADD VALUE may run in a transaction
-- options: pg=12
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded' AFTER 'paid';

-- case: using the new value in the same transaction fails
-- options: pg=16
ALTER TYPE order_status ADD VALUE 'refunded';
UPDATE orders SET status = 'refunded' WHERE refunded_at IS NOT NULL; -- expect: enum-value-in-transaction

-- case: using it in the next migration is fine
-- options: pg=16
-- file: V1__enum.sql
ALTER TYPE order_status ADD VALUE 'refunded';
-- file: V2__use.sql
UPDATE orders SET status = 'refunded' WHERE id = 42;

-- case: before 12, an explicit transaction in a non-transactional migration
-- options: pg=11 in-transaction=false
BEGIN;
ALTER TYPE order_status ADD VALUE 'refunded'; -- expect: enum-value-in-transaction
COMMIT;
