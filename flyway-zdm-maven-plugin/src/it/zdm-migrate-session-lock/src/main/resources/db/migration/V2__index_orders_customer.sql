-- Non-transactional (Flyway runs CREATE INDEX CONCURRENTLY outside a transaction): refused under
-- Flyway's transactional lock, applied under the session lock zdm:migrate takes by default.
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_idx ON orders (customer_id);
