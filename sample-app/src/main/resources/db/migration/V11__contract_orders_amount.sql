-- zdm:contract expand=7
--
-- The int -> bigint change of orders.amount, contract step, as plain SQL: the flyway-zdm callback
-- refuses this file until V7 has been live for flyway.zdm.soak, runs it with lock_timeout (retried
-- by the service's migration strategy), and lets its DROP COLUMN through because it is a contract
-- step. One transaction: no moment without the trigger while amount still exists and is NOT NULL.
-- (V10 does the same for users.name with DualWriteContractMigration, which checks in batches.)
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM orders WHERE amount_cents IS DISTINCT FROM amount) THEN
    RAISE EXCEPTION 'orders.amount_cents disagrees with orders.amount on some rows: is the V8 backfill complete?';
  END IF;
END
$$;
DROP TRIGGER zdm_dw_orders_amount_amount_cents ON orders;
DROP FUNCTION zdm_dw_orders_amount_amount_cents();
ALTER TABLE orders DROP COLUMN amount;
