-- naive: a nullable column is a catalog-only change, yet the ALTER waits for ACCESS EXCLUSIVE on
-- users with no lock_timeout: behind a long transaction it queues, and every query on users
-- queues behind it.
ALTER TABLE users ADD COLUMN last_login_at timestamptz;
