-- Add a nullable column: a catalog-only change, but the ALTER still needs ACCESS EXCLUSIVE on users.
-- Behind a long transaction a plain ALTER would queue, and every query on users behind it. The
-- flyway-zdm callback runs this file with flyway.zdm.lockTimeout, and the service's migration
-- strategy (ZeroDowntimeMigrate) runs it again after a backoff when the lock was not granted in time.
ALTER TABLE users ADD COLUMN last_login_at timestamptz;
