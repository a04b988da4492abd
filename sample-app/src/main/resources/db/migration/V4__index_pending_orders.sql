-- A partial index, built without blocking writes. CREATE INDEX CONCURRENTLY cannot run in a
-- transaction: Flyway sees that and runs this file without one, and waits for no snapshot of its own
-- because the service sets spring.flyway.postgresql.transactional-lock: false.
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_pending_user_idx ON orders (user_id) WHERE status = 'pending';
