-- An index on a busy table, built without blocking writes (plain CREATE INDEX would block them for
-- the whole build). IF NOT EXISTS makes a rerun after a failure harmless.
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_at_idx ON orders (created_at);
