-- Non-transactional: with Flyway's transactional lock on, the callback refuses the run before it
-- starts; this passes only if the pom property flyway.postgresql.transactional.lock=false reached Flyway.
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_note_idx ON orders (note);
