-- naive: a partial index, built without CONCURRENTLY.
CREATE INDEX orders_pending_user_idx ON orders (user_id) WHERE status = 'pending';
