CREATE INDEX CONCURRENTLY IF NOT EXISTS customers_email_idx ON customers (email);
