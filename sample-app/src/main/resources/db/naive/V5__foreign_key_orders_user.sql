-- naive: the supporting index built without CONCURRENTLY, then a foreign key validated at once,
-- under a lock that blocks writes to both orders and users for the whole scan.
CREATE INDEX orders_user_id_idx ON orders (user_id);
ALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id);
